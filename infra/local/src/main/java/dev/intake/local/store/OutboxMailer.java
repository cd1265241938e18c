package dev.intake.local.store;

import dev.intake.port.Mailer;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Writes each email as an RFC 5322 {@code .eml} file (multipart/alternative, text then HTML,
 * UTF-8) into the outbox folder, where any mail program opens it. The file name, which is also the
 * id {@link #send} returns, is {@code <UTC time>_<dedup key, sanitised>_<hash of the key>.eml};
 * a second send with the same dedup key writes nothing and returns the first file's name.
 * Message-ID and MIME boundary follow from the dedup key, so the same email gives the same bytes.
 *
 * <p>Shortcut: the check for an earlier file and the write are atomic within this object only, so
 * two processes sending the same dedup key at the same moment may write two files. It ends when
 * emails are sent from one process (the runtime's) or the check takes a file lock.
 */
public final class OutboxMailer implements Mailer {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter
            .ofPattern("uuuuMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_HEADER = DateTimeFormatter
            .ofPattern("EEE, d MMM uuuu HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final int MAX_KEY_IN_NAME = 80;

    private final Path outbox;
    private final Clock clock;
    private final String from;
    private final RefusedRecipients refused;
    private final Session session = Session.getInstance(new Properties());

    /** @param from the sender address, for example {@code intake@localhost} */
    public OutboxMailer(Path outbox, Clock clock, String from, RefusedRecipients refused) {
        this.outbox = outbox;
        this.clock = clock;
        this.from = from;
        this.refused = refused;
    }

    /** Returns the file name of the email in the outbox. */
    @Override
    public synchronized String send(Email email) {
        checkSendable(email);

        String suffix = "_" + sanitise(email.dedupKey()) + "_" + shortHash(email.dedupKey())
                + ".eml";
        Optional<String> sent = findSent(suffix);
        if (sent.isPresent()) {
            return sent.get();
        }

        String name = FILE_TIME.format(clock.instant()) + suffix;
        writeAtomically(name, toMessage(email));
        return name;
    }

    /** Where the emails are written. */
    public Path outbox() {
        return outbox;
    }

    private void checkSendable(Email email) {
        if (email.dedupKey() == null || email.dedupKey().isBlank()) {
            throw new IllegalArgumentException("An email needs a dedup key, so that a redelivered"
                    + " event does not mail twice; subject: " + email.subject());
        }
        if (email.to().isEmpty()) {
            throw new IllegalArgumentException("Email " + email.dedupKey() + " has no recipient;"
                    + " add an address to the job's notify.emails.");
        }
        for (InternetAddress recipient : addresses(email)) {
            String address = recipient.getAddress();
            if (refused.refuses(address)) {
                throw new MailRefusedException("The outbox refused email " + email.dedupKey()
                        + " to " + address + ": the address is in " + refused.source() + ", which"
                        + " rehearses the SES sandbox refusing an unverified recipient. Remove"
                        + " it from that list (on AWS: verify the address in SES) to deliver.",
                        null);
            }
        }
    }

    private Optional<String> findSent(String suffix) {
        if (!Files.isDirectory(outbox)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(outbox)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(suffix))
                    .sorted()
                    .findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the outbox " + outbox, e);
        }
    }

    private MimeMessage toMessage(Email email) {
        String hash = shortHash(email.dedupKey());
        try {
            MimeMessage message = new OutboxMessage(session, "<" + hash + "@intake.local>");
            message.setFrom(new InternetAddress(from));
            message.setRecipients(MimeMessage.RecipientType.TO, addresses(email));
            message.setSubject(email.subject(), "UTF-8");
            message.setHeader("Date", DATE_HEADER.format(clock.instant()));
            message.setContent(alternatives(email, "=_intake_" + hash));
            message.saveChanges();
            return message;
        } catch (MessagingException e) {
            throw new IllegalArgumentException("Email " + email.dedupKey() + " cannot be written"
                    + " as MIME: " + e.getMessage(), e);
        }
    }

    /** The recipients as addresses; a display name such as {@code Ops <o@x.org>} is allowed. */
    private static InternetAddress[] addresses(Email email) {
        InternetAddress[] addresses = new InternetAddress[email.to().size()];
        for (int index = 0; index < addresses.length; index++) {
            String recipient = email.to().get(index);
            try {
                addresses[index] = new InternetAddress(recipient, true);
            } catch (AddressException e) {
                throw new IllegalArgumentException("Email " + email.dedupKey() + " has recipient '"
                        + recipient + "', which is no email address (" + e.getMessage()
                        + "); fix the job's notify.emails.", e);
            }
        }
        return addresses;
    }

    private static MimeMultipart alternatives(Email email, String boundary)
            throws MessagingException {
        MimeMultipart multipart = new FixedBoundaryMultipart(boundary);
        MimeBodyPart text = new MimeBodyPart();
        text.setText(withCrlf(email.text()), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(withCrlf(email.html()), "UTF-8", "html");
        // Plain text first: a reader shows the last alternative it can display.
        multipart.addBodyPart(text);
        multipart.addBodyPart(html);
        return multipart;
    }

    /** RFC 5322 ends every line with CRLF; a 7bit part is written as given, so fix it here. */
    private static String withCrlf(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\r\n");
    }

    private void writeAtomically(String name, MimeMessage message) {
        Path target = outbox.resolve(name);
        try {
            Files.createDirectories(outbox);
            Path temp = Files.createTempFile(outbox, ".sending-", ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(temp)) {
                    message.writeTo(out);
                }
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target + ": " + e.getMessage(), e);
        } catch (MessagingException e) {
            throw new IllegalStateException("Cannot write " + target + " as MIME", e);
        }
    }

    /** Letters, digits, '.', '_' and '-' kept; anything else becomes '-'. */
    static String sanitise(String dedupKey) {
        String safe = dedupKey.replaceAll("[^A-Za-z0-9._-]", "-");
        return safe.length() <= MAX_KEY_IN_NAME ? safe : safe.substring(0, MAX_KEY_IN_NAME);
    }

    // Two keys that sanitise alike still get two files.
    private static String shortHash(String dedupKey) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(dedupKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM lacks SHA-256", e);
        }
    }

    /** A message whose Message-ID is given, not made from the host name. */
    private static final class OutboxMessage extends MimeMessage {

        private final String messageId;

        OutboxMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }

    /** A multipart/alternative whose boundary is given, so that the file is reproducible. */
    private static final class FixedBoundaryMultipart extends MimeMultipart {

        FixedBoundaryMultipart(String boundary) {
            super("alternative");
            contentType = "multipart/alternative; boundary=\"" + boundary + "\"";
        }
    }
}
