package dev.intake.local.runtime;

/** The SAM template or a definition it points to cannot be used locally; the message says where. */
public class TemplateException extends RuntimeException {

    public TemplateException(String message) {
        super(message);
    }

    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
