package dev.intake.asl.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.intake.asl.internal.IntrinsicParser.Call;
import dev.intake.asl.internal.IntrinsicParser.Expr;
import dev.intake.asl.internal.IntrinsicParser.Literal;
import dev.intake.asl.internal.IntrinsicParser.PathRef;
import dev.intake.asl.internal.IntrinsicParser.Text;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.StringTokenizer;
import java.util.UUID;

/**
 * Evaluates the eighteen {@code States.*} intrinsic functions with AWS's observed quirks: MathAdd
 * rounds each argument half up like {@code Math.round}, Format renders objects like
 * {@code java.util.Map.toString}, StringToJson of a blank string is null. A misuse (wrong count
 * or type of arguments, bad values) is a {@code States.IntrinsicFailure}.
 */
public final class Intrinsics {

    public static final Set<String> NAMES = Set.of("States.Format", "States.StringToJson",
            "States.JsonToString", "States.Array", "States.ArrayPartition", "States.ArrayContains",
            "States.ArrayRange", "States.ArrayGetItem", "States.ArrayLength", "States.ArrayUnique",
            "States.Base64Encode", "States.Base64Decode", "States.Hash", "States.JsonMerge",
            "States.MathRandom", "States.MathAdd", "States.StringSplit", "States.UUID");

    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final int MAX_RANGE = 1000;
    private static final int MAX_BASE64_INPUT = 10_000;
    private static final Map<String, String> HASH_ALGORITHMS = Map.of("MD5", "MD5", "SHA-1",
            "SHA-1", "SHA-256", "SHA-256", "SHA-384", "SHA-384", "SHA-512", "SHA-512");

    private final JsonNode input;
    private final JsonNode context;
    private final Random random;

    public Intrinsics(JsonNode input, JsonNode context, Random random) {
        this.input = input;
        this.context = context;
        this.random = random;
    }

    /** Checks names and argument counts of a parsed call and its nested calls (load time). */
    public static void check(Call call) {
        if (!NAMES.contains(call.name())) {
            throw new IllegalArgumentException("unknown intrinsic function " + call.name());
        }
        for (Expr arg : call.args()) {
            if (arg instanceof Call nested) {
                check(nested);
            }
        }
    }

    public JsonNode evaluate(Call call) {
        List<Expr> args = call.args();
        return switch (call.name()) {
            case "States.Format" -> format(call);
            case "States.StringToJson" -> stringToJson(string(call, args, 0, 1));
            case "States.JsonToString" -> Json.NODES.textNode(Json.write(one(call, args)));
            case "States.Array" -> array(args);
            case "States.ArrayPartition" -> partition(call, args);
            case "States.ArrayContains" -> contains(call, args);
            case "States.ArrayRange" -> range(call, args);
            case "States.ArrayGetItem" -> getItem(call, args);
            case "States.ArrayLength" -> Json.integer(arrayArg(call, args, 0, 1).size());
            case "States.ArrayUnique" -> unique(arrayArg(call, args, 0, 1));
            case "States.Base64Encode" -> base64Encode(call, string(call, args, 0, 1));
            case "States.Base64Decode" -> base64Decode(call, string(call, args, 0, 1));
            case "States.Hash" -> hash(call, args);
            case "States.JsonMerge" -> merge(call, args);
            case "States.MathRandom" -> mathRandom(call, args);
            case "States.MathAdd" -> mathAdd(call, args);
            case "States.StringSplit" -> split(call, args);
            case "States.UUID" -> uuid(call, args);
            default -> throw failure(call, "unknown intrinsic function");
        };
    }

    private JsonNode value(Expr expr) {
        if (expr instanceof Literal literal) {
            return literal.value();
        }
        if (expr instanceof Text text) {
            return Json.NODES.textNode(text.value());
        }
        if (expr instanceof PathRef ref) {
            return Paths.read(ref.path(), input, context);
        }
        return evaluate((Call) expr);
    }

    private JsonNode format(Call call) {
        List<Expr> args = call.args();
        if (args.isEmpty()) {
            throw failure(call, "expects a template and its arguments, got none");
        }
        String text;
        BitSet escaped;
        if (args.get(0) instanceof Text template) {
            text = template.value();
            escaped = template.escaped();
        } else {
            JsonNode template = value(args.get(0));
            if (!template.isTextual()) {
                throw failure(call, "the template must be a string, was " + Json.write(template));
            }
            text = template.textValue();
            escaped = new BitSet();
        }
        StringBuilder out = new StringBuilder();
        int used = 1;
        for (int i = 0; i < text.length(); i++) {
            boolean placeholder = text.charAt(i) == '{' && !escaped.get(i) && i + 1 < text.length()
                    && text.charAt(i + 1) == '}' && !escaped.get(i + 1);
            if (!placeholder) {
                out.append(text.charAt(i));
                continue;
            }
            if (used >= args.size()) {
                throw failure(call, "the template has more {} placeholders than arguments");
            }
            out.append(render(value(args.get(used++))));
            i++;
        }
        if (used != args.size()) {
            throw failure(call, "the template has fewer {} placeholders than arguments");
        }
        return Json.NODES.textNode(out.toString());
    }

    /** Renders like Java's toString of the value Jackson would map the node to. */
    static String render(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isNumber()) {
            // AWS maps JSON decimals to Double, so 1.50 prints as 1.5 and 2.0 as 2.0.
            return node.isIntegralNumber() ? node.asText() : Double.toString(node.doubleValue());
        }
        if (node.isObject()) {
            List<String> entries = new ArrayList<>();
            node.properties().forEach(e -> entries.add(e.getKey() + "="
                    + render(e.getValue())));
            return "{" + String.join(", ", entries) + "}";
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(render(item)));
            return "[" + String.join(", ", items) + "]";
        }
        return node.asText();
    }

    private static JsonNode stringToJson(String text) {
        if (text.isBlank()) {
            return Json.NODES.nullNode();
        }
        try {
            return Json.parse(text);
        } catch (JsonProcessingException e) {
            throw new StatesError(StatesError.INTRINSIC, "States.StringToJson: the argument is "
                    + "not valid JSON: " + e.getOriginalMessage());
        }
    }

    private ArrayNode array(List<Expr> args) {
        ArrayNode out = Json.array();
        args.forEach(arg -> out.add(value(arg)));
        return out;
    }

    private JsonNode partition(Call call, List<Expr> args) {
        ArrayNode source = arrayArg(call, args, 0, 2);
        long size = integer(call, args, 1, 2);
        if (size <= 0) {
            throw failure(call, "the chunk size must be a positive integer, was " + size);
        }
        ArrayNode out = Json.array();
        ArrayNode chunk = null;
        for (JsonNode item : source) {
            if (chunk == null || chunk.size() == size) {
                chunk = out.addArray();
            }
            chunk.add(item);
        }
        return out;
    }

    private JsonNode contains(Call call, List<Expr> args) {
        ArrayNode source = arrayArg(call, args, 0, 2);
        JsonNode wanted = value(args.get(1));
        for (JsonNode item : source) {
            if (Values.jsonEquals(item, wanted)) {
                return Json.NODES.booleanNode(true);
            }
        }
        return Json.NODES.booleanNode(false);
    }

    private JsonNode range(Call call, List<Expr> args) {
        long start = integer(call, args, 0, 3);
        long end = integer(call, args, 1, 3);
        long step = integer(call, args, 2, 3);
        if (step == 0) {
            throw failure(call, "the step must not be 0");
        }
        ArrayNode out = Json.array();
        for (long i = start; step > 0 ? i <= end : i >= end; i += step) {
            if (out.size() == MAX_RANGE) {
                throw failure(call, "the range has more than " + MAX_RANGE + " elements");
            }
            out.add(Json.integer(i));
        }
        return out;
    }

    private JsonNode getItem(Call call, List<Expr> args) {
        ArrayNode source = arrayArg(call, args, 0, 2);
        long index = integer(call, args, 1, 2);
        if (index < 0 || index >= source.size()) {
            throw failure(call, "index " + index + " is out of bounds for an array of "
                    + source.size() + " elements");
        }
        return source.get((int) index);
    }

    private static JsonNode unique(ArrayNode source) {
        ArrayNode out = Json.array();
        for (JsonNode item : source) {
            boolean seen = false;
            for (JsonNode kept : out) {
                seen |= Values.jsonEquals(kept, item);
            }
            if (!seen) {
                out.add(item);
            }
        }
        return out;
    }

    private static JsonNode base64Encode(Call call, String text) {
        if (text.length() > MAX_BASE64_INPUT) {
            throw failure(call, "the input is longer than " + MAX_BASE64_INPUT + " characters");
        }
        return Json.NODES.textNode(Base64.getEncoder()
                .encodeToString(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonNode base64Decode(Call call, String text) {
        try {
            byte[] bytes = Base64.getDecoder().decode(text);
            return Json.NODES.textNode(new String(bytes, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw failure(call, "the input is not valid Base64: " + e.getMessage());
        }
    }

    private JsonNode hash(Call call, List<Expr> args) {
        String data = string(call, args, 0, 2);
        String algorithm = string(call, args, 1, 2);
        String javaName = HASH_ALGORITHMS.get(algorithm);
        if (javaName == null) {
            throw failure(call, "unsupported algorithm '" + algorithm
                    + "'; use MD5, SHA-1, SHA-256, SHA-384 or SHA-512");
        }
        try {
            byte[] digest = MessageDigest.getInstance(javaName)
                    .digest(data.getBytes(StandardCharsets.UTF_8));
            return Json.NODES.textNode(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks " + javaName, e);
        }
    }

    private JsonNode merge(Call call, List<Expr> args) {
        requireCount(call, args, 3);
        JsonNode first = value(args.get(0));
        JsonNode second = value(args.get(1));
        JsonNode deep = value(args.get(2));
        if (!first.isObject() || !second.isObject()) {
            throw failure(call, "the first two arguments must be JSON objects");
        }
        if (!deep.isBoolean() || deep.booleanValue()) {
            throw failure(call, "only shallow merging is supported: the third argument must be "
                    + "false");
        }
        ObjectNode out = first.deepCopy();
        Iterator<Map.Entry<String, JsonNode>> fields = second.properties().iterator();
        fields.forEachRemaining(e -> out.set(e.getKey(), e.getValue()));
        return out;
    }

    private JsonNode mathRandom(Call call, List<Expr> args) {
        if (args.size() != 2 && args.size() != 3) {
            throw failure(call, "expects 2 or 3 arguments, got " + args.size());
        }
        long start = integer(call, args, 0, args.size());
        long end = integer(call, args, 1, args.size());
        if (end <= start) {
            throw failure(call, "the end (" + end + ") must be greater than the start ("
                    + start + ")");
        }
        Random source = args.size() == 3 ? new Random(integer(call, args, 2, 3)) : random;
        return Json.integer(start + (long) (source.nextDouble() * (end - start)));
    }

    private JsonNode mathAdd(Call call, List<Expr> args) {
        requireCount(call, args, 2);
        long sum = 0;
        for (int i = 0; i < 2; i++) {
            JsonNode operand = value(args.get(i));
            if (!operand.isNumber()) {
                throw failure(call, "argument " + (i + 1) + " must be a number, was "
                        + Json.write(operand));
            }
            sum += roundLikeJava(operand.decimalValue());
        }
        return Json.integer(sum);
    }

    /** {@code Math.round}: half up towards positive infinity, so -2.5 becomes -2. */
    private static long roundLikeJava(BigDecimal value) {
        return value.add(HALF).setScale(0, RoundingMode.FLOOR).longValueExact();
    }

    private JsonNode split(Call call, List<Expr> args) {
        String text = string(call, args, 0, 2);
        String delimiters = string(call, args, 1, 2);
        ArrayNode out = Json.array();
        StringTokenizer tokens = new StringTokenizer(text, delimiters);
        while (tokens.hasMoreTokens()) {
            out.add(tokens.nextToken());
        }
        return out;
    }

    private JsonNode uuid(Call call, List<Expr> args) {
        requireCount(call, args, 0);
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
        long most = 0;
        long least = 0;
        for (int i = 0; i < 8; i++) {
            most = (most << 8) | (bytes[i] & 0xff);
            least = (least << 8) | (bytes[i + 8] & 0xff);
        }
        return Json.NODES.textNode(new UUID(most, least).toString());
    }

    private JsonNode one(Call call, List<Expr> args) {
        requireCount(call, args, 1);
        return value(args.get(0));
    }

    private String string(Call call, List<Expr> args, int index, int count) {
        requireCount(call, args, count);
        JsonNode node = value(args.get(index));
        if (!node.isTextual()) {
            throw failure(call, "argument " + (index + 1) + " must be a string, was "
                    + Json.write(node));
        }
        return node.textValue();
    }

    private ArrayNode arrayArg(Call call, List<Expr> args, int index, int count) {
        requireCount(call, args, count);
        JsonNode node = value(args.get(index));
        if (!(node instanceof ArrayNode array)) {
            throw failure(call, "argument " + (index + 1) + " must be an array, was "
                    + Json.write(node));
        }
        return array;
    }

    private long integer(Call call, List<Expr> args, int index, int count) {
        requireCount(call, args, count);
        JsonNode node = value(args.get(index));
        if (!Json.isIntegral(node)) {
            throw failure(call, "argument " + (index + 1) + " must be an integer, was "
                    + Json.write(node));
        }
        return node.decimalValue().longValue();
    }

    private static void requireCount(Call call, List<Expr> args, int count) {
        if (args.size() != count) {
            throw failure(call, "expects " + count + " argument" + (count == 1 ? "" : "s")
                    + ", got " + args.size());
        }
    }

    private static StatesError failure(Call call, String message) {
        return new StatesError(StatesError.INTRINSIC, call.name() + ": " + message);
    }
}
