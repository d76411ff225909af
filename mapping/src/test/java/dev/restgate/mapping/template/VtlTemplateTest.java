package dev.restgate.mapping.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restgate.spi.AuthorizerContext;
import dev.restgate.spi.Exchange;
import dev.restgate.testing.TestExchanges;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** API Gateway's VTL: the variables, the quirks AWS users rely on, the limits and the sandbox. */
class VtlTemplateTest {
  private static final String BODY = "{\"name\":\"rex\",\"tags\":[\"good\",\"boy\"],\"owner\":{\"id\":7,\"city\":\"Oslo\"},"
      + "\"quote\":\"it's \\\"fine\\\"\"}";

  private static Exchange exchange() {
    Exchange exchange = TestExchanges.request()
        .method("POST")
        .query("color=blue&color=red&q=a%20b")
        .header("X-Trace", "t-1")
        .body(BODY)
        .resource("r1", "/pets/{id}", Map.of("id", "42"))
        .stageVariables(Map.of("env", "test"), null)
        .build();
    exchange.authorizer(new AuthorizerContext("user-1", Map.of("tier", "gold"), Map.of("email", "a@b.c"), 3L, null));
    return exchange;
  }

  private static String render(String template) throws TemplateException {
    return VtlTemplate.compile(template).render(exchange(), BODY);
  }

  @Test
  void inputReadsTheBodyAsTextAsJsonAndByPath() throws Exception {
    assertThat(render("$input.body")).isEqualTo(BODY);
    assertThat(render("$input.json('$.owner')")).isEqualTo("{\"id\":7,\"city\":\"Oslo\"}");
    assertThat(render("$input.json('$.name')")).isEqualTo("\"rex\"");
    assertThat(render("$input.path('$.name')")).isEqualTo("rex");
    assertThat(render("$input.path('$.owner.city')")).isEqualTo("Oslo");
    assertThat(render("$input.path('$.tags').size()")).isEqualTo("2");
    assertThat(render("#foreach($t in $input.path('$.tags'))$t;#end")).isEqualTo("good;boy;");
  }

  @Test
  void pathMapsPrintAsJavaMapsAndListsAsJson() throws Exception {
    assertThat(render("$input.path('$.owner')")).isEqualTo("{id=7, city=Oslo}");
    assertThat(render("$input.path('$.tags')")).isEqualTo("[\"good\",\"boy\"]");
  }

  @Test
  void anEmptyBodyReadsAsAnEmptyObject() throws Exception {
    assertThat(VtlTemplate.compile("$input.body|$input.json('$')").render(exchange(), "")).isEqualTo("{}|{}");
  }

  @Test
  void paramsReadPathQueryAndHeaders() throws Exception {
    assertThat(render("$input.params('id')|$input.params('color')|$input.params('X-Trace')|$input.params('no')|"))
        .isEqualTo("42|red|t-1||");
    assertThat(render("$input.params().path.id $input.params().querystring.q $input.params().header.X-Trace"))
        .isEqualTo("42 a b t-1");
  }

  @Test
  void theAwsDocumentationsPassThroughTemplateRendersEveryParameter() throws Exception {
    String template = """
        #set($allParams = $input.params())
        {
        "params" : {
        #foreach($type in $allParams.keySet())
            #set($params = $allParams.get($type))
        "$type" : {
            #foreach($paramName in $params.keySet())
            "$paramName" : "$util.escapeJavaScript($params.get($paramName))"
                #if($foreach.hasNext),#end
            #end
        }
            #if($foreach.hasNext),#end
        #end
        }
        }
        """;
    String rendered = render(template).replaceAll("\\s+", "");
    assertThat(rendered).startsWith("{\"params\":{\"path\":{\"id\":\"42\"},\"querystring\":{\"color\":\"red\","
        + "\"q\":\"ab\"},\"header\":{");
    assertThat(rendered).contains("\"X-Trace\":\"t-1\"");
  }

  @Test
  void utilFunctionsDoWhatAwsDocuments() throws Exception {
    assertThat(render("$util.escapeJavaScript($input.path('$.quote'))")).isEqualTo("it\\'s \\\"fine\\\"");
    assertThat(render("$util.escapeJavaScript('a/b\\\\c')")).isEqualTo("a\\/b\\\\\\\\c");
    assertThat(render("$util.urlEncode('a b&c=d')|$util.urlDecode('a+b%26c')")).isEqualTo("a+b%26c%3Dd|a b&c");
    assertThat(render("$util.base64Encode('hello')|$util.base64Decode('aGVsbG8=')")).isEqualTo("aGVsbG8=|hello");
    assertThat(render("#set($o = $util.parseJson($input.json('$.owner')))$o.city")).isEqualTo("Oslo");
  }

  @Test
  void contextAndStageVariablesAreNestedAsOnAws() throws Exception {
    assertThat(render("$context.httpMethod $context.resourcePath $context.stage $stageVariables.env"))
        .startsWith("POST /pets/{id} ").endsWith(" test");
    assertThat(render("$context.authorizer.principalId $context.authorizer.tier $context.authorizer.claims.email"))
        .isEqualTo("user-1 gold a@b.c");
    assertThat(render("$context.identity.sourceIp")).isNotEmpty();
  }

  @Test
  void referencesToNothingRenderAsNothing() throws Exception {
    assertThat(render("[$nothing][$input.path('$.missing')][$context.authorizer.none][$stageVariables.none]"))
        .isEqualTo("[][][][]");
  }

  @Test
  void overridesSetInATemplateLandOnTheExchange() throws Exception {
    Exchange exchange = exchange();
    VtlTemplate.compile("""
        #set($context.requestOverride.header.X-Backend = "b1")
        #set($context.requestOverride.querystring.page = 2)
        #set($context.responseOverride.status = 404)
        #set($context.responseOverride.header.X-Why = "gone")
        """).render(exchange, BODY);
    Overrides overrides = Overrides.of(exchange);
    assertThat(overrides.requestHeaders()).containsExactly(Map.entry("X-Backend", "b1"));
    assertThat(overrides.requestQuery()).containsExactly(Map.entry("page", "2"));
    assertThat(overrides.responseStatus()).isEqualTo(404);
    assertThat(overrides.responseHeaders()).containsExactly(Map.entry("X-Why", "gone"));
    assertThat(VtlTemplate.compile("$context.responseOverride.status").render(exchange, "")).isEqualTo("404");
  }

  @Test
  void aForeachStopsAfterOneThousandIterations() throws Exception {
    assertThat(render("#foreach($i in [1..5000])x#end")).hasSize(1000);
  }

  @Test
  void templatesOverThreeHundredKilobytesAreRefused() {
    assertThatThrownBy(() -> VtlTemplate.compile("x".repeat(VtlTemplate.MAX_BYTES + 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("API Gateway allows 307200");
  }

  @Test
  void syntaxErrorsAreReportedWithTheirPlace() {
    assertThatThrownBy(() -> VtlTemplate.compile("#if($a"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 1");
  }

  @Test
  void invalidJsonWhereJsonIsExpectedFailsTheRendering() {
    assertThatThrownBy(() -> VtlTemplate.compile("$input.json('$.a')").render(exchange(), "not json"))
        .isInstanceOf(TemplateException.class).hasMessageContaining("Invalid JSON");
  }

  @Test
  void templatesCannotLoadOtherTemplatesOrFiles(@TempDir Path dir) throws Exception {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "s3cret");
    for (String directive : new String[] {"#include(\"" + secret + "\")", "#parse(\"" + secret + "\")",
        "#evaluate('$input.body')", "#macro(m)y#end"}) {
      assertThatThrownBy(() -> VtlTemplate.compile(directive)).as(directive)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not available in mapping templates");
    }
  }

  @Test
  void aDefinedBlockRendersWhereItIsReferencedAsServerlessTemplatesUseIt() throws Exception {
    String template = """
        #define( $loop )
        {#foreach($key in $map.keySet())"$util.escapeJavaScript($key)": "$util.escapeJavaScript($map.get($key))"\
        #if($foreach.hasNext), #end#end}
        #end
        #set( $map = $input.params().path )
        {"path": $loop}""";

    assertThat(VtlTemplate.compile(template).render(exchange(), "{}").strip())
        .isEqualTo("{\"path\": {\"id\": \"42\"}\n}");
  }

  @Test
  void templatesCannotReachJava(@TempDir Path dir) {
    Path marker = dir.resolve("pwned");
    String[] attacks = {
        "$input.getClass()",
        "$input.class",
        "$input.class.forName('java.lang.Runtime')",
        "$input.getClass().forName('java.lang.Runtime').getRuntime().exec('touch " + marker + "')",
        "#set($s = '')$s.getClass().forName('java.lang.Runtime').getRuntime().exec('touch " + marker + "')",
        "#set($s = '')$s.class.classLoader",
        "$util.getClass().getClassLoader()",
        "$input.params().getClass()",
        "$input.path('$.tags').getClass().forName('java.lang.System').exit(1)",
        "#set($m = {})$m.getClass().getDeclaredMethods()",
        "$input.body.getBytes().getClass()",
        "$input.body.chars().getClass()",
        "#set($n = 1)$n.getInteger('java.specification.version')",
        "#set($b = true)$b.getBoolean('java.awt.headless')",
    };
    for (String attack : attacks) {
      assertThatThrownBy(() -> VtlTemplate.compile(attack).render(exchange(), BODY)).as(attack)
          .isInstanceOf(TemplateException.class).hasMessageContaining("Templates may not use");
    }
    assertThat(marker).doesNotExist();
  }
}
