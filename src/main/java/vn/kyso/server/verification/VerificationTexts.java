package vn.kyso.server.verification;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The sentences the portal page and the PDF report share, in the reader's language: a change
 * after signing ("Trang 1: điền hoặc sửa giá trị trường 'amount'"). Used from the template as
 * {@code @verificationTexts}.
 */
@Component("verificationTexts")
public class VerificationTexts {

    private final MessageSource messages;

    VerificationTexts(MessageSource messages) {
        this.messages = messages;
    }

    /** One change in words, with its page when it has one. */
    public String change(VerificationView.ChangeView change, Locale locale) {
        return change(messages, change, locale);
    }

    static String change(MessageSource messages, VerificationView.ChangeView change, Locale locale) {
        String subject = change.subject() == null ? "" : "'" + change.subject() + "'";
        String text = messages.getMessage("change.kind." + change.kind(), new Object[] {change.page(), subject}, locale)
                .replace(" ()", "").replace("  ", " ").strip();
        String sentence = Character.toUpperCase(text.charAt(0)) + text.substring(1);
        return change.page() == null ? sentence
                : messages.getMessage("change.onPage", new Object[] {change.page()}, locale) + text;
    }
}
