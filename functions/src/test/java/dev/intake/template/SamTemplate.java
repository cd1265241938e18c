package dev.intake.template;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.yaml.snakeyaml.nodes.Tag;

/**
 * template.yaml read as CloudFormation reads it: the short-form tags ({@code !Ref},
 * {@code !GetAtt}, {@code !Sub}, ...) become their long forms ({@code {"Ref": ...}},
 * {@code {"Fn::GetAtt": [resource, attribute]}}), so that the JSON Schema sees plain data.
 */
final class SamTemplate {

    static final Path ROOT = Path.of("..");
    static final Path FILE = ROOT.resolve("template.yaml");

    private static final List<String> FUNCTIONS = List.of("Base64", "Cidr", "FindInMap",
            "GetAtt", "GetAZs", "ImportValue", "Join", "Select", "Split", "Sub", "Transform",
            "And", "Equals", "If", "Not", "Or", "ToJsonString", "Length");

    private final Map<String, Object> root;

    private SamTemplate(Map<String, Object> root) {
        this.root = root;
    }

    static SamTemplate load() {
        try (Reader reader = Files.newBufferedReader(FILE)) {
            Map<String, Object> root = new Yaml(new IntrinsicConstructor()).load(reader);
            return new SamTemplate(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Map<String, Object> root() {
        return root;
    }

    Map<String, Object> resources() {
        return map(root.get("Resources"));
    }

    /** Logical id to properties, for every resource of the given type, in template order. */
    Map<String, Map<String, Object>> resourcesOfType(String type) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        resources().forEach((id, resource) -> {
            Map<String, Object> body = map(resource);
            if (type.equals(body.get("Type"))) {
                found.put(id, map(body.getOrDefault("Properties", Map.of())));
            }
        });
        return found;
    }

    Map<String, Object> globalEnvironment() {
        return map(map(map(map(root.get("Globals")).get("Function")).get("Environment"))
                .get("Variables"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value instanceof List<?> ? (List<Object>) value : List.of(value);
    }

    /** Builds {@code {"Fn::X": value}} (or {@code {"Ref": value}}) for each short-form tag. */
    private static final class IntrinsicConstructor extends SafeConstructor {

        IntrinsicConstructor() {
            super(new LoaderOptions());
            yamlConstructors.put(new Tag("!Ref"), new Intrinsic("Ref"));
            yamlConstructors.put(new Tag("!Condition"), new Intrinsic("Condition"));
            FUNCTIONS.forEach(name ->
                    yamlConstructors.put(new Tag("!" + name), new Intrinsic("Fn::" + name)));
        }

        private final class Intrinsic extends AbstractConstruct {

            private final String key;

            Intrinsic(String key) {
                this.key = key;
            }

            @Override
            public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode scalar) {
                    value = constructScalar(scalar);
                    if (key.equals("Fn::GetAtt")) {
                        value = List.of(((String) value).split("\\.", 2));
                    }
                } else if (node instanceof SequenceNode sequence) {
                    value = new ArrayList<>(constructSequence(sequence));
                } else {
                    value = new LinkedHashMap<>(constructMapping((MappingNode) node));
                }
                return Map.of(key, value);
            }
        }
    }
}
