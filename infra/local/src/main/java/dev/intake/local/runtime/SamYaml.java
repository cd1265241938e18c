package dev.intake.local.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * Loads CloudFormation YAML. The short-form intrinsics ({@code !Ref x}, {@code !GetAtt A.Arn},
 * {@code !Sub ...}, any {@code !Fn}) become their long forms ({@code {Ref: x}},
 * {@code {Fn::GetAtt: [A, Arn]}}, {@code {Fn::Sub: ...}}), so that readers handle one shape.
 */
final class SamYaml {

    private SamYaml() {}

    static Object load(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(new IntrinsicConstructor(options)).load(text);
    }

    private static final class IntrinsicConstructor extends SafeConstructor {

        IntrinsicConstructor(LoaderOptions options) {
            super(options);
            yamlMultiConstructors.put("!", new ShortFormIntrinsic());
        }

        private final class ShortFormIntrinsic extends AbstractConstruct {

            @Override
            public Object construct(Node node) {
                String name = node.getTag().getValue().substring(1);
                Object value = valueOf(node);
                if (name.equals("Ref")) {
                    return Map.of("Ref", value);
                }
                if (name.equals("GetAtt") && value instanceof String dotted) {
                    int dot = dotted.indexOf('.');
                    value = dot < 0 ? List.of(dotted)
                            : List.of(dotted.substring(0, dot), dotted.substring(dot + 1));
                }
                return Map.of("Fn::" + name, value);
            }

            private Object valueOf(Node node) {
                if (node instanceof ScalarNode scalar) {
                    return constructScalar(scalar);
                }
                if (node instanceof SequenceNode sequence) {
                    return new ArrayList<>(constructSequence(sequence));
                }
                return new LinkedHashMap<>(constructMapping((MappingNode) node));
            }
        }
    }
}
