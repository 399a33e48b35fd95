package vn.signer.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import vn.signer.ErrorCode;
import vn.signer.Problem;
import vn.signer.SignerException;
import vn.signer.appearance.AppearanceWarning;
import vn.signer.report.Printable;
import vn.signer.report.Words;
import vn.signer.verify.VerificationReport;
import vn.signer.report.Language;

/**
 * The one-line errors and warnings the command prints, in English or Vietnamese. Core messages start
 * with what they concern ("FILE: what is wrong"): for the most common errors the Vietnamese line says
 * the whole sentence about that subject; for the others it names the kind of error in Vietnamese and
 * keeps core's English details. Codes stay English in both languages, for scripts. What core's
 * messages quote (file names, certificate and token names) is shown through {@link Printable}.
 */
final class CliMessages {
    /** The command line's own advice for core's problems, naming its options. */
    private static final String ADVICE = "vn.signer.cli.Advice";

    private CliMessages() {
    }

    /**
     * -o names a folder: a usage error, said before anything is signed.
     *
     * @param example the output's usual name (NAME-signed.EXT), for the file name suggested in that folder
     */
    static SignerException outputIsFolder(Path output, Path example) {
        return new SignerException(ErrorCode.USAGE, CliWords.problem("usage.outputFolder", output.toString(),
                output.resolve(example.getFileName()).toString()));
    }

    /**
     * The JVM ran out of heap or of stack: the document needed more than it has (exit 70, never a
     * verdict). Both are said as what to do about them, since the user can do something about the first.
     */
    static String exhausted(VirtualMachineError error, Locale locale) {
        boolean vi = Language.isVietnamese(locale);
        if (error instanceof StackOverflowError) {
            return vi ? "signer: lỗi: văn bản có cấu trúc lồng nhau quá sâu, vượt quá ngăn xếp (stack) của Java — văn bản "
                    + "không xử lý được; nếu văn bản hợp lệ, cho Java ngăn xếp lớn hơn, ví dụ SIGNER_JAVA_OPTS=-Xss16m"
                    : "signer: the document is too complex (nested too deep for the Java stack) — it cannot be processed; "
                    + "if it is a genuine document, give Java a larger stack, e.g. SIGNER_JAVA_OPTS=-Xss16m";
        }
        long mb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        return vi ? "signer: lỗi: văn bản cần nhiều bộ nhớ hơn mức Java được dùng (" + mb + " MB) — cho Java thêm bộ nhớ, "
                + "ví dụ SIGNER_JAVA_OPTS=-Xmx4g, hoặc xử lý từng văn bản một"
                : "signer: the document needed more memory than the Java VM has (" + mb + " MB) — give it more, "
                + "e.g. SIGNER_JAVA_OPTS=-Xmx4g, or process fewer documents at once";
    }

    /** A problem of signer-core's and what to do about it, in the command line's terms, escaped for the terminal. */
    static String inWords(Problem problem, Locale locale) {
        Words words = Words.of(locale);
        String advice = words.has(ADVICE, problem.key()) ? words.message(ADVICE, problem.key(), problem.facts())
                : problem.hint(locale);
        return Printable.text(problem.message(locale)) + (advice == null ? "" : " — " + Printable.text(advice));
    }

    /**
     * The command line's advice for the reasons a report gives (the options that supply a missing root CA,
     * CRL or detached content), a line each, once per reason: the report's own words name no option.
     */
    static String reasonAdvice(VerificationReport report, Locale locale) {
        Words words = Words.of(locale);
        StringBuilder out = new StringBuilder();
        report.signatures().stream().flatMap(s -> s.reasons().stream()).map(r -> "reason." + r.code()).distinct()
                .filter(key -> words.has(ADVICE, key))
                .forEach(key -> out.append("     ").append(CliWords.text(locale, "verify.advice",
                        words.message(ADVICE, key, List.of()))).append('\n'));
        return out.toString();
    }

    /** "signer: ..." for an error. */
    static String error(SignerException e, Locale locale) {
        return (Language.isVietnamese(locale) ? "signer: lỗi: " : "signer: ") + inWords(e.problem(), locale);
    }

    /** The first words of a usage error, before picocli's own message. */
    static String usagePrefix(Locale locale) {
        return Language.isVietnamese(locale) ? "signer: sai cách dùng: " : "signer: ";
    }

    /** The pointer to help after a usage error. */
    static String seeHelp(String command, Locale locale) {
        return Language.isVietnamese(locale) ? " — xem '" + command + " --help'" : " — see '" + command + " --help'";
    }

    static String warning(AppearanceWarning warning, Path path, Locale locale) {
        boolean vi = Language.isVietnamese(locale);
        String input = Printable.text(path);
        return switch (warning) {
            case NO_PERSONAL_SIGNATURE -> vi
                    ? "cảnh báo: " + input + ": văn bản chưa có chữ ký số của người có thẩm quyền; văn thư chỉ ký số của cơ quan "
                            + "lên văn bản đã được người có thẩm quyền ký"
                    : "warning: " + input + ": the document carries no personal signature; the organisation signs only "
                            + "documents the authorised person has signed (Decree 30)";
        };
    }

    /**
     * An argument that holds U+FFFD, most often because the locale could not decode it: says which
     * argument, which locale and encoding, and how to run instead. Not the argument itself: after a
     * mistyped option it may be a secret (see the usage errors).
     *
     * @param position the argument's position, from 1
     * @param takenBy  the option (--reason) or parameter (FILE) it is the value of, or null
     * @param setting  the locale variable in force as NAME=VALUE, or null when none is set
     */
    static String undecodedArgument(int position, String takenBy, String setting, String encoding, Locale locale) {
        return (Language.isVietnamese(locale) ? "signer: lỗi: tham số thứ " : "signer: argument ") + position
                + (takenBy == null ? "" : " (" + Printable.text(takenBy) + ")") + undecoded(setting, encoding, locale);
    }

    /** A file name found in a folder that the locale could not decode (it then cannot be opened at all). */
    static String undecodedFileName(String name, String setting, String encoding, Locale locale) {
        return (Language.isVietnamese(locale) ? "signer: lỗi: tên tệp '" : "signer: the file name '")
                + Printable.text(name) + "'" + undecoded(setting, encoding, locale);
    }

    /** What U+FFFD means, which locale caused it, and what to do. */
    private static String undecoded(String setting, String encoding, Locale locale) {
        if (Language.isVietnamese(locale)) {
            return " chứa ký tự U+FFFD (" + ArgumentEncoding.REPLACEMENT
                    + "), dấu hiệu của những byte mà bảng mã của thiết lập ngôn ngữ (locale) hiện tại ("
                    + (setting == null ? "không đặt LANG, LC_ALL hay LC_CTYPE" : setting) + ", Java đọc theo " + encoding
                    + ") không giải mã được, nên không thể dùng chữ đã bị hỏng này — chạy lại với một locale UTF-8 đã được cài, "
                    + "ví dụ LC_ALL=C.UTF-8 (bin/signer tự chọn locale như vậy)";
        }
        return " holds U+FFFD (" + ArgumentEncoding.REPLACEMENT + "), the mark of bytes the locale's encoding could not decode ("
                + (setting == null ? "no LANG, LC_ALL or LC_CTYPE set" : setting) + ", read by Java as " + encoding
                + "), so the garbled text cannot be used — run with an installed UTF-8 locale, "
                + "e.g. LC_ALL=C.UTF-8 (bin/signer chooses one itself)";
    }
}
