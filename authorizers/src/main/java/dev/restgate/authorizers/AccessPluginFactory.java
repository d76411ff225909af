package dev.restgate.authorizers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restgate.authorizers.iam.Policy;
import dev.restgate.authorizers.jwt.TokenRules;
import dev.restgate.model.Authorizer;
import dev.restgate.model.Method;
import dev.restgate.model.RestApi;
import dev.restgate.spi.Ids;
import dev.restgate.spi.LambdaEvents;
import dev.restgate.spi.LambdaInvoker;
import dev.restgate.spi.LambdaUri;
import dev.restgate.spi.MethodSite;
import dev.restgate.spi.ParameterExpression;
import dev.restgate.spi.Phase;
import dev.restgate.spi.PlaceholderTemplate;
import dev.restgate.spi.Plugin;
import dev.restgate.spi.PluginFactory;
import dev.restgate.spi.Protection;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The access check of every method that asks for one: {@code AWS_IAM}, Lambda authorizers ({@code TOKEN},
 * {@code REQUEST}), {@code COGNITO_USER_POOLS}, and the API's resource policy, which applies to every method of the
 * API whatever its authorization type. Compiles each method's check at deploy time; a definition it cannot compile
 * fails the deployment, so no method is ever served without its check.
 */
public final class AccessPluginFactory implements PluginFactory<Void> {
  private static final Set<Protection> ENFORCED = EnumSet.of(Protection.AWS_IAM,
      Protection.LAMBDA_TOKEN_AUTHORIZER, Protection.LAMBDA_REQUEST_AUTHORIZER, Protection.COGNITO_USER_POOLS,
      Protection.RESOURCE_POLICY);
  private static final int DEFAULT_TTL = 300;
  private static final int MAX_TTL = 3600;
  private static final String HEADER_SOURCE = "method.request.header.";
  private static final Pattern USER_POOL_ARN =
      Pattern.compile("arn:aws[a-z-]*:cognito-idp:([a-z0-9-]+):\\d{12}:userpool/([\\w-]+_[0-9a-zA-Z]+)");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String name() {
    return "access";
  }

  @Override
  public Phase phase() {
    return Phase.AUTHORIZE;
  }

  @Override
  public Set<Protection> enforces() {
    return ENFORCED;
  }

  @Override
  public Optional<Plugin> create(MethodSite site, Void config) {
    Set<Protection> required = Protection.requiredBy(site.api(), site.method());
    if (required.stream().noneMatch(ENFORCED::contains)) {
      return Optional.empty();
    }
    AccessControl control = site.service(AccessControl.class).orElseThrow(() -> new IllegalStateException(
        "the authorizers module registers AccessControl for every configuration"));
    Policy resourcePolicy = resourcePolicy(site.api());
    Method method = site.method();
    String type = method.authorizationType() == null ? "NONE" : method.authorizationType();
    CallerCheck check = switch (type) {
      case "AWS_IAM" -> new IamCheck(control.identities(), resourcePolicy, site.accountId(), control.clock());
      case "CUSTOM" -> lambdaAuthorizer(site, authorizer(site.api(), method.authorizerId()), control,
          resourcePolicy);
      case "COGNITO_USER_POOLS" -> cognito(site, authorizer(site.api(), method.authorizerId()), control,
          resourcePolicy);
      default -> new ResourcePolicyCheck(resourcePolicy, control.clock());
    };
    return Optional.of(new AccessPlugin(site.methodArn(), check));
  }

  private static Policy resourcePolicy(RestApi api) {
    if (api.policy() == null || api.policy().isBlank()) {
      return null;
    }
    try {
      return Policy.resource(JSON.readTree(api.policy()));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("The API's resource policy is not JSON: " + e.getOriginalMessage());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("The API's resource policy is invalid: " + e.getMessage(), e);
    }
  }

  private static Authorizer authorizer(RestApi api, String id) {
    return api.authorizers().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow(
        () -> new IllegalArgumentException("The method names authorizer " + id + ", which the API does not define"));
  }

  private static CallerCheck lambdaAuthorizer(MethodSite site, Authorizer authorizer, AccessControl control,
      Policy resourcePolicy) {
    boolean token = "TOKEN".equals(authorizer.type());
    String what = "Authorizer " + authorizer.name() + ": ";
    LambdaUri function;
    try {
      function = LambdaUri.parse(authorizer.authorizerUri());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(what + "Invalid Authorizer URI: " + authorizer.authorizerUri(), e);
    }
    LambdaInvoker invoker = site.service(LambdaInvoker.class).orElseThrow(() -> new IllegalArgumentException(what
        + "Lambda authorizers need a Lambda invoker, and none is registered: put the lambda module on the class "
        + "path"));
    int ttl = ttl(authorizer, what);
    List<ParameterExpression> sources = identitySources(authorizer, token, ttl, what);
    Pattern validation = null;
    if (token && authorizer.identityValidationExpression() != null
        && !authorizer.identityValidationExpression().isEmpty()) {
      validation = regex(authorizer.identityValidationExpression(), what);
    }
    String apiId = site.api().id();
    String stage = site.stage().stageName();
    String fingerprint = Ids.derive(12, authorizer.type(), authorizer.authorizerUri(),
        String.valueOf(authorizer.identitySource()), String.valueOf(authorizer.identityValidationExpression()));
    String scope = apiId + '/' + stage + '/' + authorizer.id() + '/' + fingerprint + '/';
    String sourceArn = "arn:aws:execute-api:" + site.region() + ":" + site.accountId() + ":" + apiId
        + "/authorizers/" + authorizer.id();
    LambdaEvents events = site.service(LambdaEvents.class).orElseThrow();
    return new LambdaAuthorizerCheck(token, authorizer.name(), invoker, events,
        PlaceholderTemplate.stageVariables(function.function()),
        function.qualifier() == null ? null : PlaceholderTemplate.stageVariables(function.qualifier()), sourceArn,
        sources, validation, Duration.ofSeconds(ttl), scope, control.authorizerResults(), resourcePolicy,
        control.clock());
  }

  private static int ttl(Authorizer authorizer, String what) {
    Integer ttl = authorizer.authorizerResultTtlInSeconds();
    if (ttl == null) {
      return DEFAULT_TTL;
    }
    if (ttl < 0 || ttl > MAX_TTL) {
      throw new IllegalArgumentException(what + "authorizerResultTtlInSeconds must be between 0 and " + MAX_TTL
          + ", not " + ttl);
    }
    return ttl;
  }

  /**
   * {@code TOKEN} (and Cognito): exactly one {@code method.request.header.X}. {@code REQUEST}: a comma-separated
   * list of headers, query strings, stage variables and context variables; required only when results are cached.
   */
  private static List<ParameterExpression> identitySources(Authorizer authorizer, boolean singleHeader, int ttl,
      String what) {
    String text = authorizer.identitySource() == null ? "" : authorizer.identitySource().trim();
    if (singleHeader) {
      if (!text.startsWith(HEADER_SOURCE) || text.length() == HEADER_SOURCE.length() || text.contains(",")) {
        throw new IllegalArgumentException(what + "identitySource must be one method.request.header.{name}, not '"
            + text + "'");
      }
      return List.of(ParameterExpression.parse(text));
    }
    List<ParameterExpression> sources = new ArrayList<>();
    for (String part : text.isEmpty() ? new String[0] : text.split(",")) {
      ParameterExpression source;
      try {
        source = ParameterExpression.parse(part.trim());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(what + "invalid identity source '" + part.trim() + "'", e);
      }
      switch (source.source()) {
        case HEADER, QUERYSTRING, STAGE_VARIABLE, CONTEXT -> sources.add(source);
        default -> throw new IllegalArgumentException(what + "identity source '" + part.trim()
            + "' is not a header, query string, stage variable or context variable");
      }
    }
    if (sources.isEmpty() && ttl > 0) {
      throw new IllegalArgumentException(what + "identitySource is required when results are cached "
          + "(authorizerResultTtlInSeconds > 0)");
    }
    return sources;
  }

  private static CallerCheck cognito(MethodSite site, Authorizer authorizer, AccessControl control,
      Policy resourcePolicy) {
    String what = "Authorizer " + authorizer.name() + ": ";
    if (!"COGNITO_USER_POOLS".equals(authorizer.type())) {
      throw new IllegalArgumentException(what + "authorizationType COGNITO_USER_POOLS needs an authorizer of type "
          + "COGNITO_USER_POOLS, not " + authorizer.type());
    }
    ParameterExpression header = identitySources(authorizer, true, 0, what).get(0);
    Pattern audience = authorizer.identityValidationExpression() == null
        || authorizer.identityValidationExpression().isEmpty()
        ? null : regex(authorizer.identityValidationExpression(), what);
    if (authorizer.providerARNs().isEmpty()) {
      throw new IllegalArgumentException(what + "providerARNs must name at least one user pool");
    }
    List<TokenRules> pools = new ArrayList<>();
    for (String arn : authorizer.providerARNs()) {
      Matcher m = USER_POOL_ARN.matcher(arn);
      if (!m.matches()) {
        throw new IllegalArgumentException(what + "'" + arn + "' is not a user pool ARN, "
            + "arn:aws:cognito-idp:{region}:{account}:userpool/{poolId}");
      }
      String poolId = m.group(2);
      CognitoConfig.UserPool pool = control.cognito().pool(poolId).orElseGet(() -> {
        String issuer = "https://cognito-idp." + m.group(1) + ".amazonaws.com/" + poolId;
        return new CognitoConfig.UserPool(poolId, issuer, URI.create(issuer + "/.well-known/jwks.json"));
      });
      control.keys().prefetch(pool.jwksUri());
      pools.add(new TokenRules(pool.issuer(), pool.jwksUri(), site.method().authorizationScopes(), audience));
    }
    return new CognitoCheck(header, pools, control.tokens(), resourcePolicy, control.clock());
  }

  private static Pattern regex(String expression, String what) {
    try {
      return Pattern.compile(expression);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(what + "identityValidationExpression is not a valid regular expression: "
          + e.getDescription());
    }
  }
}
