package org.santeatlas.app.shell;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the window's background work is doing, for the status bar: the latest task's label and its
 * progress (−1: indeterminate). Every view model reports here when it starts and ends work. UI thread only.
 */
public final class BackgroundTasks {

    private final Map<Object, String> running = new LinkedHashMap<>();
    private final ReadOnlyStringWrapper label = new ReadOnlyStringWrapper(this, "label", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);

    /** Starts a task shown as {@code text}; returns the token that ends it. */
    public Object begin(String text) {
        Object token = new Object();
        running.put(token, text);
        label.set(text);
        progress.set(-1);
        busy.set(true);
        return token;
    }

    /** The progress (0..1, −1 unknown) of a running task. */
    public void progress(Object token, double share) {
        if (running.containsKey(token)) {
            progress.set(share);
        }
    }

    public void end(Object token) {
        running.remove(token);
        if (running.isEmpty()) {
            label.set("");
            progress.set(0);
            busy.set(false);
        } else {
            label.set(running.values().iterator().next());
            progress.set(-1);
        }
    }

    public ReadOnlyStringProperty labelProperty() {
        return label.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
