package vn.signer.cli.agent;

import java.awt.BorderLayout;
import java.awt.Font;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.BorderFactory;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import vn.signer.keys.PinRequest;
import vn.signer.keys.TokenInfo;
import vn.signer.report.Printable;
import vn.signer.report.Words;

/**
 * The person at a desktop: each request in a small dialog on top of the other windows, Vietnamese
 * words on its buttons first; closed unanswered when its time is up. Swing is in the JDK: nothing to
 * install on the officer's computer.
 */
public final class DialogPerson implements Person {
    private final Locale locale;
    private final java.io.PrintWriter log;

    /** @param log where outcomes are written (the terminal the agent was started from, if any) */
    public DialogPerson(Locale locale, java.io.PrintWriter log) {
        this.locale = locale;
        this.log = log;
    }

    @Override
    public boolean confirms(Ask ask, Duration limit) {
        JTextArea text = new JTextArea(String.join("\n", AgentTexts.describe(ask, locale)));
        text.setEditable(false);
        text.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        text.setBorder(BorderFactory.createEmptyBorder(4, 4, 4, 4));
        String yes = AgentTexts.text(locale, "agent.dialog.sign");
        String no = AgentTexts.text(locale, "agent.dialog.refuse");
        Object answer = show(text, new Object[] {yes, no}, no, limit, JOptionPane.QUESTION_MESSAGE);
        return yes.equals(answer);
    }

    @Override
    public char[] pin(PinRequest request, String origin, Duration limit) {
        JPasswordField field = new JPasswordField(16);
        JPanel panel = new JPanel(new BorderLayout(0, 6));
        panel.add(new JLabel(AgentTexts.text(locale, "agent.ask.pin", AgentTexts.text(locale, "pin.kind." + request.kind().name()),
                Printable.text(Words.of(locale).text(request.target())), origin)), BorderLayout.NORTH);
        if (request.pinStatus() != TokenInfo.PinStatus.OK) {
            panel.add(new JLabel(AgentTexts.text(locale, "pin.status." + request.pinStatus().name())), BorderLayout.SOUTH);
        }
        panel.add(field, BorderLayout.CENTER);
        String ok = AgentTexts.text(locale, "agent.dialog.ok");
        Object answer = show(panel, new Object[] {ok, AgentTexts.text(locale, "agent.dialog.cancel")}, ok, limit,
                JOptionPane.PLAIN_MESSAGE);
        char[] pin = field.getPassword();
        if (!ok.equals(answer) || pin.length == 0) {
            java.util.Arrays.fill(pin, '\0');
            return null;
        }
        return pin;
    }

    @Override
    public void told(String line) {
        // The page shows how its request ended; a dialog for each outcome would only be clicked away.
        log.println(line);
        log.flush();
    }

    /** The dialog's answer, or null when it was closed or its time ran out. */
    private Object show(Object message, Object[] options, Object initial, Duration limit, int type) {
        AtomicReference<Object> answer = new AtomicReference<>();
        try {
            SwingUtilities.invokeAndWait(() -> {
                JOptionPane pane = new JOptionPane(message, type, JOptionPane.DEFAULT_OPTION, null, options, initial);
                JDialog dialog = pane.createDialog(AgentTexts.text(locale, "agent.dialog.title"));
                dialog.setAlwaysOnTop(true);
                Timer timer = new Timer((int) limit.toMillis(), e -> dialog.dispose());
                timer.setRepeats(false);
                timer.start();
                dialog.setVisible(true);
                timer.stop();
                answer.set(pane.getValue());
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the dialog failed", e.getCause());
        }
        return answer.get();
    }
}
