package dev.restgate.mapping.template;

import dev.restgate.spi.Exchange;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.event.EventCartridge;
import org.apache.velocity.app.event.MethodExceptionEventHandler;
import org.apache.velocity.app.event.ReferenceInsertionEventHandler;
import org.apache.velocity.exception.ParseErrorException;
import org.apache.velocity.exception.VelocityException;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.RuntimeInstance;
import org.apache.velocity.runtime.parser.ParseException;
import org.apache.velocity.runtime.parser.node.ASTDirective;
import org.apache.velocity.runtime.parser.node.Node;
import org.apache.velocity.runtime.parser.node.SimpleNode;

/**
 * A mapping template in API Gateway's VTL, parsed once and rendered per request on Apache Velocity with
 * {@code $input}, {@code $util}, {@code $context} and {@code $stageVariables}. As on AWS, a reference to nothing
 * renders as nothing, a {@code #foreach} stops after 1,000 iterations and a template may be at most 300 KB. Templates
 * may not load other templates ({@code #include}, {@code #parse}, {@code #evaluate}) or define macros
 * ({@code #macro}; {@code #define} blocks, which Serverless Framework templates use, are allowed) and may call only what {@link SandboxUberspector} allows. Thread-safe.
 */
public final class VtlTemplate {
  /** AWS's limit on the size of one mapping template. */
  public static final int MAX_BYTES = 300 * 1024;
  private static final Set<String> REFUSED_DIRECTIVES = Set.of("include", "parse", "evaluate", "macro");
  private static final RuntimeInstance VELOCITY = velocity();
  private static final EventCartridge EVENTS = events();

  private final Template template;

  private VtlTemplate(Template template) {
    this.template = template;
  }

  /**
   * Parses {@code source}.
   *
   * @throws IllegalArgumentException for a syntax error (with its line and column), a refused directive, or a
   *     template over {@link #MAX_BYTES}
   */
  public static VtlTemplate compile(String source) {
    int bytes = source.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_BYTES) {
      throw new IllegalArgumentException("the template has " + bytes + " bytes; API Gateway allows " + MAX_BYTES);
    }
    Template template = new Template();
    template.setName("mapping template");
    template.setRuntimeServices(VELOCITY);
    SimpleNode document;
    try {
      document = VELOCITY.parse(new StringReader(source), template);
    } catch (ParseException e) {
      throw new IllegalArgumentException(e.getMessage().replaceAll("\\s+", " ").trim(), e);
    }
    refuseDirectives(document);
    template.setData(document);
    template.initDocument();
    return new VtlTemplate(template);
  }

  /**
   * Renders the template for one request.
   *
   * @param input what {@code $input} maps: the method request's body for a request template, the integration
   *     response's body for a response template
   * @throws TemplateException when the template fails: a refused call, invalid JSON where JSON was expected, ...
   */
  public String render(Exchange exchange, String input) throws TemplateException {
    VelocityContext context = new VelocityContext();
    context.put("input", new InputVariable(input, exchange));
    context.put("util", UtilVariable.INSTANCE);
    context.put("context", ContextVariable.of(exchange));
    context.put("stageVariables", exchange.route() == null ? Map.of()
        : new LinkedHashMap<>(exchange.route().stageVariables()));
    EVENTS.attachToContext(context);
    StringWriter out = new StringWriter();
    try {
      template.merge(context, out);
    } catch (VelocityException | TemplateError e) {
      throw new TemplateException(message(e), e);
    }
    return out.toString();
  }

  private static String message(Exception e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause && !(cause instanceof ParseErrorException)) {
      cause = cause.getCause();
    }
    String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return message.equals(e.getMessage()) ? message : e.getMessage() + ": " + message;
  }

  private static void refuseDirectives(Node node) {
    if (node instanceof ASTDirective directive && REFUSED_DIRECTIVES.contains(directive.getDirectiveName())) {
      throw new IllegalArgumentException("#" + directive.getDirectiveName() + " is not available in mapping "
          + "templates (line " + directive.getLine() + ", column " + directive.getColumn() + ")");
    }
    for (int i = 0; i < node.jjtGetNumChildren(); i++) {
      refuseDirectives(node.jjtGetChild(i));
    }
  }

  private static RuntimeInstance velocity() {
    Properties properties = new Properties();
    properties.setProperty(RuntimeConstants.UBERSPECT_CLASSNAME, SandboxUberspector.class.getName());
    properties.setProperty(RuntimeConstants.RESOURCE_LOADERS, "string");
    properties.setProperty("resource.loader.string.class",
        "org.apache.velocity.runtime.resource.loader.StringResourceLoader");
    properties.setProperty(RuntimeConstants.MAX_NUMBER_LOOPS, "1000");
    properties.setProperty(RuntimeConstants.SKIP_INVALID_ITERATOR, "true");
    properties.setProperty(RuntimeConstants.RUNTIME_LOG_REFERENCE_LOG_INVALID, "false");
    // Whitespace around directives as Velocity 1.7, which API Gateway runs, leaves it.
    properties.setProperty(RuntimeConstants.SPACE_GOBBLING, "bc");
    // As in Velocity 1.7, which API Gateway runs: $context.responseOverride.header.X-Name is one reference.
    properties.setProperty(RuntimeConstants.PARSER_HYPHEN_ALLOWED, "true");
    RuntimeInstance runtime = new RuntimeInstance();
    runtime.init(properties);
    return runtime;
  }

  /** A reference to nothing renders as nothing; a template function that fails fails the rendering. */
  private static EventCartridge events() {
    EventCartridge cartridge = new EventCartridge();
    cartridge.addReferenceInsertionEventHandler(
        (ReferenceInsertionEventHandler) (context, reference, value) -> value == null ? "" : value);
    cartridge.addMethodExceptionHandler((MethodExceptionEventHandler) (context, type, method, e, info) -> {
      throw new TemplateError(method + " failed (" + info + "): " + e.getMessage(), e);
    });
    return cartridge;
  }
}
