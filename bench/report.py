#!/usr/bin/env python3
"""Turns bench/run's raw wrk numbers into the results table (Markdown), JSON, and the results section of
docs/performance.md. Standard library only. Exits 3 when a run had errors: its row is marked, never hidden."""

import argparse
import json
import os
import sys
import tempfile

START_MARKER = "<!-- bench:results:start -->"
END_MARKER = "<!-- bench:results:end -->"

# The targets for the HTTP_PROXY passthrough.
MIN_RATIO_TO_NGINX = 0.8
MAX_ADDED_P50_MS = 0.5

PASSTHROUGH_SUFFIX = "-http-proxy"


def read_tsv(path, columns):
    with open(path, encoding="utf-8") as file:
        return [line.rstrip("\n").split("\t", columns - 1) for line in file if line.strip()]


def measurement(result_file):
    with open(result_file, encoding="utf-8") as file:
        raw = json.load(file)
    seconds = raw["duration_us"] / 1e6
    return {
        "requests": raw["requests"],
        "duration_s": round(seconds, 3),
        "requests_per_second": round(raw["requests"] / seconds, 1),
        "latency_ms": {name: raw[name + "_us"] / 1000 for name in ("p50", "p90", "p99", "max", "mean")},
        "errors": raw["errors"],
    }


def load_runs(path):
    """One entry per target: its median measured run (by requests/s, all numbers from that run), the requests/s of
    every run, and the errors of all runs together."""
    runs = []
    for run_id, label, jdk, result_files in read_tsv(path, 4):
        repetitions = [measurement(result_file) for result_file in result_files.split(",")]
        ranked = sorted(repetitions, key=lambda repetition: repetition["requests_per_second"])
        median = ranked[(len(ranked) - 1) // 2]
        errors = {name: sum(r["errors"][name] for r in repetitions)
                  for name in ("connect", "read", "write", "timeout", "status")}
        runs.append({
            "id": run_id,
            "label": label,
            "jdk": jdk or None,
            "requests": median["requests"],
            "duration_s": median["duration_s"],
            "requests_per_second": median["requests_per_second"],
            "latency_ms": median["latency_ms"],
            "repetitions_requests_per_second": [r["requests_per_second"] for r in repetitions],
            "errors": {
                "socket": errors["connect"] + errors["read"] + errors["write"] + errors["timeout"],
                "http_status_4xx_5xx": errors["status"],
                **{name: errors[name] for name in ("connect", "read", "write", "timeout")},
            },
        })
    return runs


def add_comparisons(runs):
    by_id = {run["id"]: run for run in runs}
    direct, nginx = by_id.get("direct"), by_id.get("nginx")
    for run in runs:
        run["flagged"] = run["errors"]["socket"] + run["errors"]["http_status_4xx_5xx"] > 0
        run["added_over_direct_ms"] = None
        run["ratio_to_nginx"] = None
        if direct and run is not direct:
            run["added_over_direct_ms"] = {
                p: round(run["latency_ms"][p] - direct["latency_ms"][p], 3) for p in ("p50", "p99")}
        if nginx and run["jdk"]:
            run["ratio_to_nginx"] = round(run["requests_per_second"] / nginx["requests_per_second"], 3)


def target_checks(runs, jdks):
    by_id = {run["id"]: run for run in runs}
    checks = []
    for jdk in jdks:
        passthrough = by_id.get("gateway" + jdk + PASSTHROUGH_SUFFIX)
        if not passthrough:
            continue
        ratio = passthrough["ratio_to_nginx"]
        added = passthrough["added_over_direct_ms"]
        checks.append({
            "jdk": jdk,
            "throughput_ratio_to_nginx": ratio,
            "throughput_met": None if ratio is None else ratio >= MIN_RATIO_TO_NGINX,
            "added_p50_ms": None if added is None else added["p50"],
            "added_p50_met": None if added is None else added["p50"] < MAX_ADDED_P50_MS,
            "flagged": passthrough["flagged"],
        })
    return checks


def ms(value):
    return "{:.2f} ms".format(value)


def signed_ms(value):
    return "{:+.2f} ms".format(value)


def verdict(met):
    return "n/a" if met is None else ("met" if met else "**not met**")


def error_cell(run):
    errors = run["errors"]
    if not run["flagged"]:
        return "0"
    parts = []
    if errors["socket"]:
        parts.append("{} socket ({} connect, {} read, {} write, {} timeout)".format(
            errors["socket"], errors["connect"], errors["read"], errors["write"], errors["timeout"]))
    if errors["http_status_4xx_5xx"]:
        parts.append("{} HTTP 4xx/5xx".format(errors["http_status_4xx_5xx"]))
    return "⚠ " + ", ".join(parts)


def throughput_cell(run):
    repetitions = run["repetitions_requests_per_second"]
    if len(repetitions) == 1:
        return "{:,.0f}".format(run["requests_per_second"])
    return "{:,.0f} ({:,.0f}–{:,.0f})".format(run["requests_per_second"], min(repetitions), max(repetitions))


def markdown(facts, runs, jdk_facts, checks):
    lines = []
    warmup, duration = facts["warmup"], facts["duration"]
    lines.append("Generated by `{}` on {}, commit {}{}.".format(
        facts["command"], facts["date"], facts["commit"],
        " (with a JFR recording running during the gateway's runs)" if facts["jfr"] == "true" else ""))
    lines.append("")
    lines.append("- Machine: {}, {} cores, {}; {}, {}. Other processes used {} % of its CPU during the run.".format(
        facts["cpu"], facts["cores"], facts["memory"], facts["os"], facts["kernel"], facts["other_cpu_percent"]))
    repeat = int(facts["repeat"])
    measured = "{} s measured".format(duration) if repeat == 1 else \
        "{} × {} s measured (the median run is shown, the range of requests/s in brackets)".format(repeat, duration)
    lines.append("- Load: wrk {} {}; each gateway first gets {} s of load over all its routes; then per target {} s "
                 "warm-up (discarded) and {}.".format(
                     facts["wrk"], facts["wrk_options"], facts["gateway_warmup"], warmup, measured))
    lines.append("- nginx {} (backend: 1 worker; reverse proxy: one worker per core, upstream keep-alive).".format(
        facts["nginx"]))
    for jdk, info in jdk_facts.items():
        lines.append("- JDK {}: {} ({}), {}; JVM flags `{}`.".format(
            jdk, info["version"], info["vendor"], info["threads"], facts["jvm_flags"]))
    lines.append("")
    lines.append("| Target | JDK | Requests/s | p50 | p99 | max | p50 added | p99 added | × nginx req/s | Errors |")
    lines.append("|---|---|--:|--:|--:|--:|--:|--:|--:|---|")
    for run in runs:
        latency, added = run["latency_ms"], run["added_over_direct_ms"]
        lines.append("| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |".format(
            ("⚠ " if run["flagged"] else "") + run["label"],
            run["jdk"] or "–",
            throughput_cell(run),
            ms(latency["p50"]), ms(latency["p99"]), ms(latency["max"]),
            signed_ms(added["p50"]) if added else "–",
            signed_ms(added["p99"]) if added else "–",
            "{:.2f}".format(run["ratio_to_nginx"]) if run["ratio_to_nginx"] is not None else "–",
            error_cell(run)))
    lines.append("")
    lines.append("\"Added\" is the difference to the direct backend's latency at the same percentile; \"× nginx\" is "
                 "the requests/s divided by the nginx reverse proxy's.")
    flagged = [run for run in runs if run["flagged"]]
    if flagged:
        lines.append("")
        lines.append("**⚠ {} had errors during the measured run; their numbers are not comparable.**".format(
            ", ".join(run["label"] + (" (JDK {})".format(run["jdk"]) if run["jdk"] else "") for run in flagged)))
    lines.append("")
    lines.append("Peak resident memory of the gateway process (`VmHWM`, after all its runs): " + "; ".join(
        "JDK {}: {:,.0f} MiB".format(jdk, info["peak_rss_mib"]) for jdk, info in jdk_facts.items()) + ".")
    if checks:
        lines.append("")
        lines.append("Against the targets (HTTP_PROXY passthrough):")
        lines.append("")
        lines.append("| Target | " + " | ".join("JDK " + check["jdk"] for check in checks) + " |")
        lines.append("|---|" + "---|" * len(checks))
        lines.append("| requests/s ≥ {} × nginx | ".format(MIN_RATIO_TO_NGINX) + " | ".join(
            "{:.2f} × ({})".format(c["throughput_ratio_to_nginx"], verdict(c["throughput_met"]))
            if c["throughput_ratio_to_nginx"] is not None else "n/a" for c in checks) + " |")
        lines.append("| p50 added over direct < {} ms | ".format(MAX_ADDED_P50_MS) + " | ".join(
            "{} ({})".format(signed_ms(c["added_p50_ms"]), verdict(c["added_p50_met"]))
            if c["added_p50_ms"] is not None else "n/a" for c in checks) + " |")
    return "\n".join(lines) + "\n"


def write_atomically(path, text):
    directory = os.path.dirname(os.path.abspath(path))
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=".report-")
    with os.fdopen(handle, "w", encoding="utf-8") as file:
        file.write(text)
    os.chmod(temporary, 0o644)
    os.replace(temporary, path)


def replace_doc_section(doc_path, section):
    with open(doc_path, encoding="utf-8") as file:
        text = file.read()
    start, end = text.find(START_MARKER), text.find(END_MARKER)
    if start < 0 or end < start:
        sys.exit("report.py: {} has no {} ... {} section to replace".format(doc_path, START_MARKER, END_MARKER))
    updated = text[:start] + START_MARKER + "\n" + section + END_MARKER + text[end + len(END_MARKER):]
    write_atomically(doc_path, updated)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", required=True, help="TSV: id, label, JDK (empty for nginx), wrk JSON file")
    parser.add_argument("--facts", required=True, help="TSV: key, value")
    parser.add_argument("--markdown", required=True)
    parser.add_argument("--json", required=True)
    parser.add_argument("--doc", help="a Markdown file whose results section is replaced")
    args = parser.parse_args()

    facts = dict(read_tsv(args.facts, 2))
    runs = load_runs(args.runs)
    add_comparisons(runs)
    jdks = sorted({run["jdk"] for run in runs if run["jdk"]}, key=int)
    jdk_facts = {jdk: {
        "version": facts["jdk{}.version".format(jdk)],
        "vendor": facts["jdk{}.vendor".format(jdk)],
        "threads": facts["jdk{}.threads".format(jdk)],
        "peak_rss_mib": round(int(facts["jdk{}.peak_rss_kb".format(jdk)]) / 1024, 1),
    } for jdk in jdks}
    checks = target_checks(runs, jdks)
    general = {key: value for key, value in facts.items() if not key.startswith("jdk")}

    section = markdown(general, runs, jdk_facts, checks)
    write_atomically(args.markdown, "# Benchmark results\n\n" + section)
    write_atomically(args.json, json.dumps(
        {"facts": general, "jdks": jdk_facts, "runs": runs, "targets": checks}, indent=2, ensure_ascii=False) + "\n")
    if args.doc:
        replace_doc_section(args.doc, section)
    return 3 if any(run["flagged"] for run in runs) else 0


if __name__ == "__main__":
    sys.exit(main())
