package dev.endpointguard.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a CloudFormation / SAM template: the short-form tags ({@code !Ref}, {@code !Sub}, {@code !If}, {@code !GetAtt}
 * ...) become their long form ({@code {"Ref": ...}}, {@code {"Fn::Sub": ...}}), as CloudFormation reads them.
 */
final class CloudFormationYaml {

  private CloudFormationYaml() {
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> load(Path path) throws IOException {
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      return (Map<String, Object>) new Yaml(new IntrinsicFunctions(new LoaderOptions())).load(reader);
    }
  }

  /** Maps every tag SnakeYAML does not know to a one-key map, the intrinsic function's long form. */
  private static final class IntrinsicFunctions extends SafeConstructor {
    IntrinsicFunctions(LoaderOptions options) {
      super(options);
      yamlConstructors.put(null, new LongForm());
    }

    private final class LongForm extends AbstractConstruct {
      @Override
      public Object construct(Node node) {
        String name = node.getTag().getValue().substring(1);
        String key = name.equals("Ref") || name.equals("Condition") ? name : "Fn::" + name;
        Object value;
        if (node instanceof ScalarNode scalar) {
          value = constructScalar(scalar);
        } else if (node instanceof SequenceNode sequence) {
          value = constructSequence(sequence);
        } else {
          value = constructMapping((MappingNode) node);
        }
        // !GetAtt Resource.Attribute is the short form of [Resource, Attribute].
        if (key.equals("Fn::GetAtt") && value instanceof String dotted) {
          value = List.of(dotted.split("\\.", 2));
        }
        return Map.of(key, value);
      }
    }
  }
}
