package vn.kyso.server.cli;

import java.io.PrintStream;

/**
 * A one-line progress bar on stderr, redrawn in place with a carriage return. Drawn only when a
 * person watches a terminal and there is more than one file; otherwise every call does nothing.
 */
final class ProgressBar {

    private static final int WIDTH = 30;
    private static final int NAME_WIDTH = 40;

    private final PrintStream err;
    private final int total;
    private final boolean enabled;
    private int lastLength;

    ProgressBar(PrintStream err, int total, boolean enabled) {
        this.err = err;
        this.total = total;
        this.enabled = enabled && total > 1;
    }

    /** Shows {@code done} of the total finished, and the file being worked on. */
    void show(int done, String current) {
        if (!enabled) {
            return;
        }
        int filled = total == 0 ? WIDTH : done * WIDTH / total;
        String name = current.length() > NAME_WIDTH ? "…" + current.substring(current.length() - NAME_WIDTH + 1) : current;
        String line = "[" + "█".repeat(filled) + "░".repeat(WIDTH - filled) + "] " + done + "/" + total + " " + name;
        draw(line);
    }

    /** Erases the bar so that a message can take the line; the next {@link #show} draws it again. */
    void clear() {
        if (enabled && lastLength > 0) {
            draw("");
        }
    }

    private void draw(String line) {
        String padding = " ".repeat(Math.max(0, lastLength - line.length()));
        err.print("\r" + line + padding + (line.isEmpty() ? "\r" : ""));
        err.flush();
        lastLength = line.length();
    }
}
