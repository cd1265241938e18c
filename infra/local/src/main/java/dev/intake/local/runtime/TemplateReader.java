package dev.intake.local.runtime;

import dev.intake.local.runtime.SamTemplate.FunctionResource;
import dev.intake.local.runtime.SamTemplate.StateMachineResource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a SAM template: functions with their handlers, and state machines with their definition
 * file and substitutions. Intrinsics resolve to local values: {@code !GetAtt Fn.Arn} and
 * {@code !Ref Fn} of a function give its local ARN, {@code !Ref} of anything else its logical id,
 * and {@code !Sub} replaces pseudo parameters and references the same way.
 */
public final class TemplateReader {

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!]+)}");

    public SamTemplate read(String yaml) {
        Object root = SamYaml.load(yaml);
        Map<String, Object> resources = resources(root);
        Map<String, Object> functionGlobals = functionGlobals(root);
        Map<String, FunctionResource> functions = new LinkedHashMap<>();
        resources.forEach((id, resource) -> {
            if ("AWS::Serverless::Function".equals(type(resource))) {
                Object handler = properties(id, resource).getOrDefault(
                        "Handler", functionGlobals.get("Handler"));
                functions.put(id, new FunctionResource(id, (String) handler));
            }
        });
        Map<String, StateMachineResource> machines = new LinkedHashMap<>();
        resources.forEach((id, resource) -> {
            if ("AWS::Serverless::StateMachine".equals(type(resource))) {
                machines.put(id, stateMachine(id, properties(id, resource), functions));
            }
        });
        return new SamTemplate(functions, machines);
    }

    private StateMachineResource stateMachine(
            String id, Map<String, Object> properties, Map<String, FunctionResource> functions) {
        Object uri = properties.get("DefinitionUri");
        if (!(uri instanceof String)) {
            throw new TemplateException("template.yaml: state machine " + id
                    + " needs a DefinitionUri naming its definition file (inline Definition is"
                    + " not supported locally)");
        }
        Map<String, String> substitutions = new LinkedHashMap<>();
        asMap(properties.getOrDefault("DefinitionSubstitutions", Map.of()))
                .forEach((name, value) -> substitutions.put(name,
                        resolve(id + ".DefinitionSubstitutions." + name, value, functions)));
        return new StateMachineResource(id, (String) uri, substitutions);
    }

    private String resolve(String where, Object value, Map<String, FunctionResource> functions) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        Map<String, Object> intrinsic = asMap(value);
        if (intrinsic.containsKey("Ref")) {
            return reference(String.valueOf(intrinsic.get("Ref")), functions);
        }
        if (intrinsic.get("Fn::GetAtt") instanceof List<?> parts && parts.size() == 2) {
            return attribute(where, String.valueOf(parts.get(0)), String.valueOf(parts.get(1)),
                    functions);
        }
        if (intrinsic.get("Fn::Sub") instanceof String text) {
            return substitute(where, text, functions);
        }
        throw new TemplateException("template.yaml: " + where + " uses " + intrinsic.keySet()
                + ", which the local runtime cannot resolve; use !GetAtt, !Ref, !Sub or a string");
    }

    private String reference(String name, Map<String, FunctionResource> functions) {
        return switch (name) {
            case "AWS::Region" -> LocalAws.REGION;
            case "AWS::AccountId" -> LocalAws.ACCOUNT;
            case "AWS::Partition" -> "aws";
            case "AWS::StackName" -> "intake-local";
            default -> functions.containsKey(name) ? functions.get(name).localArn() : name;
        };
    }

    private String attribute(
            String where, String resource, String name, Map<String, FunctionResource> functions) {
        FunctionResource function = functions.get(resource);
        if (function != null && name.equals("Arn")) {
            return function.localArn();
        }
        if (name.equals("Arn") || name.equals("Name")) {
            return resource;
        }
        throw new TemplateException("template.yaml: " + where + " asks for " + resource + "."
                + name + ", which the local runtime cannot resolve");
    }

    private String substitute(String where, String text, Map<String, FunctionResource> functions) {
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String variable = matcher.group(1);
            int dot = variable.indexOf('.');
            String value = dot < 0 || variable.startsWith("AWS::")
                    ? reference(variable, functions)
                    : attribute(where, variable.substring(0, dot), variable.substring(dot + 1),
                            functions);
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static Map<String, Object> resources(Object root) {
        Object resources = asMap(root).get("Resources");
        if (resources == null) {
            throw new TemplateException("template.yaml has no Resources section");
        }
        return asMap(resources);
    }

    private static Map<String, Object> functionGlobals(Object root) {
        Object globals = asMap(root).getOrDefault("Globals", Map.of());
        return asMap(asMap(globals).getOrDefault("Function", Map.of()));
    }

    private static String type(Object resource) {
        return (String) asMap(resource).get("Type");
    }

    private static Map<String, Object> properties(String id, Object resource) {
        Object properties = asMap(resource).get("Properties");
        if (properties == null) {
            throw new TemplateException("template.yaml: resource " + id + " has no Properties");
        }
        return asMap(properties);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new TemplateException("template.yaml: expected a mapping, found " + value);
    }
}
