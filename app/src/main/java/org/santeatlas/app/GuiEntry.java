package org.santeatlas.app;

/** Opens the desktop app; filled in when the shell lands. */
final class GuiEntry {
    private GuiEntry() {
    }

    static void openDemo() {
        throw new UnsupportedOperationException("GUI not wired yet");
    }
}
