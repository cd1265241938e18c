package dev.intake.local.runtime;

import dev.intake.local.runtime.SamTemplate.FunctionResource;
import dev.intake.local.runtime.SamTemplate.StateMachineResource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A state machine ready to run locally: its definition with every {@code ${Name}} replaced, and
 * the functions its tasks may call, by local ARN.
 */
public record LocalWorkflow(
        String logicalId, String definition, Map<String, FunctionResource> functionsByArn) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.:]+)}");

    public LocalWorkflow {
        functionsByArn = Map.copyOf(functionsByArn);
    }

    /** Reads the template and the definition of {@code stateMachine} (the only one if null). */
    public static LocalWorkflow load(SamFiles files, String stateMachine) {
        SamTemplate template = new TemplateReader().read(files.read(SamFiles.TEMPLATE));
        StateMachineResource machine = pick(template, stateMachine);
        String definition = substitute(machine, files.read(machine.definitionUri()));
        Map<String, FunctionResource> byArn = new LinkedHashMap<>();
        template.functions().values().forEach(f -> byArn.put(f.localArn(), f));
        return new LocalWorkflow(machine.logicalId(), definition, byArn);
    }

    private static StateMachineResource pick(SamTemplate template, String name) {
        if (name != null) {
            StateMachineResource machine = template.stateMachines().get(name);
            if (machine == null) {
                throw new TemplateException("template.yaml has no state machine " + name
                        + "; it declares " + template.stateMachines().keySet());
            }
            return machine;
        }
        if (template.stateMachines().size() != 1) {
            throw new TemplateException("template.yaml declares " + template.stateMachines().size()
                    + " state machines " + template.stateMachines().keySet() + "; name one");
        }
        return template.stateMachines().values().iterator().next();
    }

    static String substitute(StateMachineResource machine, String definition) {
        Matcher matcher = PLACEHOLDER.matcher(definition);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = machine.substitutions().get(name);
            if (value == null) {
                throw new TemplateException(machine.definitionUri() + " line "
                        + lineOf(definition, matcher.start()) + ": ${" + name + "} has no entry in"
                        + " DefinitionSubstitutions of " + machine.logicalId()
                        + " in template.yaml");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static long lineOf(String text, int offset) {
        return text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }
}
