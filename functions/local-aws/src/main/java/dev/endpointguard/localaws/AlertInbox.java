package dev.endpointguard.localaws;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * An alert topic on the local AWS with an SQS queue subscribed (raw delivery off: the queue gets SNS's JSON
 * envelope), as a security team's inbox would be: what the demo shows and the tests read alerts back from.
 */
public final class AlertInbox implements AutoCloseable {
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();
  // Far more than any test or the demo publishes: draining stops even if the queue never answers empty.
  private static final int MAX_BATCHES = 100;

  private final SqsClient sqs;
  private final String topicArn;
  private final String queueUrl;

  private AlertInbox(SqsClient sqs, String topicArn, String queueUrl) {
    this.sqs = sqs;
    this.topicArn = topicArn;
    this.queueUrl = queueUrl;
  }

  /** Creates topic {@code topicName} through {@code sns} and queue {@code queueName}, and subscribes the queue. */
  public static AlertInbox create(LocalAws aws, Region region, SnsClient sns, String topicName, String queueName) {
    SqsClient sqs = SqsClient.builder().region(region).endpointOverride(aws.endpoint())
        .credentialsProvider(LocalAws.credentials())
        .httpClient(UrlConnectionHttpClient.create())
        .build();
    try {
      String topicArn = sns.createTopic(b -> b.name(topicName)).topicArn();
      String queueUrl = sqs.createQueue(b -> b.queueName(queueName)).queueUrl();
      String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
          .attributes().get(QueueAttributeName.QUEUE_ARN);
      sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queueArn));
      return new AlertInbox(sqs, topicArn, queueUrl);
    } catch (RuntimeException e) {
      sqs.close();
      throw e;
    }
  }

  public String topicArn() {
    return topicArn;
  }

  /** Every SNS envelope waiting in the queue, oldest batches first; each is deleted once read. */
  public List<JsonNode> drain() {
    List<JsonNode> envelopes = new ArrayList<>();
    for (int i = 0; i < MAX_BATCHES; i++) {
      List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)).messages();
      if (batch.isEmpty()) {
        break;
      }
      for (Message m : batch) {
        try {
          envelopes.add(JSON.readTree(m.body()));
        } catch (IOException e) {
          throw new UncheckedIOException("unreadable SQS message " + m.messageId(), e);
        }
        sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
      }
    }
    return envelopes;
  }

  @Override
  public void close() {
    sqs.close();
  }
}
