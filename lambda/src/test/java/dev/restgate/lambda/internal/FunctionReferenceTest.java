package dev.restgate.lambda.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FunctionReferenceTest {

  @Test
  void plainNameWithAndWithoutQualifier() {
    assertThat(FunctionReference.parse("my-fn")).contains(new FunctionReference(null, null, "my-fn", null));
    assertThat(FunctionReference.parse("my-fn:live")).contains(new FunctionReference(null, null, "my-fn", "live"));
    assertThat(FunctionReference.parse("my-fn:$LATEST"))
        .contains(new FunctionReference(null, null, "my-fn", "$LATEST"));
  }

  @Test
  void partialArn() {
    assertThat(FunctionReference.parse("123456789012:function:my-fn"))
        .contains(new FunctionReference(null, "123456789012", "my-fn", null));
    assertThat(FunctionReference.parse("123456789012:function:my-fn:7"))
        .contains(new FunctionReference(null, "123456789012", "my-fn", "7"));
  }

  @Test
  void fullArn() {
    assertThat(FunctionReference.parse("arn:aws:lambda:us-west-2:123456789012:function:my-fn:prod"))
        .contains(new FunctionReference("us-west-2", "123456789012", "my-fn", "prod"));
    assertThat(FunctionReference.parse("arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:my-fn"))
        .contains(new FunctionReference("us-gov-west-1", "123456789012", "my-fn", null));
  }

  @Test
  void namesLambdaRejectsAreNotReferences() {
    assertThat(FunctionReference.parse("")).isEmpty();
    assertThat(FunctionReference.parse("bad name")).isEmpty();
    assertThat(FunctionReference.parse("a:b:c:d")).isEmpty();
    assertThat(FunctionReference.parse("x".repeat(171))).isEmpty();
  }

  @Test
  void arnOfAQualifiedFunction() {
    assertThat(FunctionReference.arn("us-east-1", "123456789012", "my-fn", "live"))
        .isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:my-fn:live");
    assertThat(FunctionReference.arn("us-east-1", "123456789012", "my-fn", null))
        .isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:my-fn");
  }
}
