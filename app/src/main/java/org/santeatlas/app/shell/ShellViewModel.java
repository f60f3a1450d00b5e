package org.santeatlas.app.shell;

import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;

/** The main window's own state: its title and the About text. The content is the summary's. */
public final class ShellViewModel {

    private final Messages messages;
    private final WorkspaceSummaryViewModel summary;
    private final String version;
    private final StringBinding title;

    public ShellViewModel(Messages messages, WorkspaceSummaryViewModel summary, String version) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.summary = Objects.requireNonNull(summary, "summary");
        this.version = Objects.requireNonNull(version, "version");
        this.title = Bindings.createStringBinding(() -> {
            String name = summary.workspaceNameProperty().get();
            return name.isEmpty() ? messages.get("app.name") : messages.get("window.title", name);
        }, summary.workspaceNameProperty());
    }

    /**
     * The version in the app jar's manifest ({@code Implementation-Version}), or {@code dev} when
     * running from classes (IDE, tests) where there is no manifest.
     */
    public static String applicationVersion() {
        return org.santeatlas.app.AppVersion.current();
    }

    public WorkspaceSummaryViewModel summary() {
        return summary;
    }

    /** "SantéAtlas — name of the workspace". */
    public StringBinding titleProperty() {
        return title;
    }

    public String version() {
        return version;
    }

    public String aboutTitle() {
        return messages.get("about.title");
    }

    public String aboutHeader() {
        return messages.get("app.name");
    }

    public String aboutText() {
        return messages.get("about.text", version, System.getProperty("java.version", "?"));
    }
}
