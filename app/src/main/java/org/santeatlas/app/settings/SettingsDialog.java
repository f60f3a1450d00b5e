package org.santeatlas.app.settings;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.santeatlas.app.shell.Messages;

/**
 * Settings: language, DHIS2 connection (URL and a token that is written to its private file and never
 * shown again: the field is always empty, a note says whether one is stored), coverage radius and the
 * scorecard thresholds. OK validates and saves; the caller applies the changes.
 */
public final class SettingsDialog {

    /** What the user changed; {@code language} is fr or en. */
    public record Result(String language, boolean languageChanged) {}

    private final AppSettings settings;
    private final Messages messages;
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final ComboBox<String> language = new ComboBox<>();
    private final TextField url = new TextField();
    private final PasswordField token = new PasswordField();
    private final Spinner<Double> radius;
    private final Spinner<Integer> good;
    private final Spinner<Integer> fair;
    private final Label error = new Label();

    public SettingsDialog(AppSettings settings, Messages messages, Window owner) {
        this.settings = Objects.requireNonNull(settings);
        this.messages = Objects.requireNonNull(messages);
        dialog.setTitle(messages.get("settings.title"));
        dialog.setHeaderText(messages.get("settings.header"));
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.getDialogPane().setId("settings-dialog");
        language.setId("settings-language");
        language.getItems().setAll("fr", "en");
        language.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String s) {
                return s == null ? "" : messages.get("language." + s);
            }

            @Override
            public String fromString(String s) {
                return null;
            }
        });
        language.setValue(messages.locale().getLanguage().equals("fr") ? "fr" : "en");
        url.setId("settings-url");
        url.setPromptText("https://dhis2.example.org");
        url.setText(settings.dhis2Url());
        token.setId("settings-token");
        token.setPromptText(settings.hasToken() ? messages.get("settings.tokenStored") : messages.get("settings.tokenNone"));
        radius = new Spinner<>(0.5, 50, settings.radiusKm(), 0.5);
        radius.setId("settings-radius");
        radius.setEditable(true);
        good = new Spinner<>(0, 100, (int) Math.round(settings.goodThreshold() * 100), 5);
        good.setId("settings-good");
        good.setEditable(true);
        fair = new Spinner<>(0, 100, (int) Math.round(settings.fairThreshold() * 100), 5);
        fair.setId("settings-fair");
        fair.setEditable(true);
        error.getStyleClass().add("error-message");
        error.setWrapText(true);

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(10));
        int r = 0;
        grid.addRow(r++, new Label(messages.get("settings.language")), language);
        grid.addRow(r++, new Label(messages.get("settings.url")), url);
        grid.addRow(r++, new Label(messages.get("settings.token")), token);
        Label tokenNote = new Label(messages.get("settings.tokenNote"));
        tokenNote.setWrapText(true);
        tokenNote.getStyleClass().add("hint");
        tokenNote.setMaxWidth(380);
        grid.add(tokenNote, 1, r++);
        grid.addRow(r++, new Label(messages.get("settings.radius")), radius);
        grid.addRow(r++, new Label(messages.get("settings.good")), good);
        grid.addRow(r++, new Label(messages.get("settings.fair")), fair);
        grid.add(error, 0, r, 2, 1);
        url.setPrefColumnCount(28);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            if (!apply()) {
                e.consume();
            }
        });
    }

    public Dialog<ButtonType> dialog() {
        return dialog;
    }

    /** Shows the dialog and waits; the settings are saved when the user pressed OK. */
    public Optional<Result> showAndWait() {
        String before = messages.locale().getLanguage();
        Optional<ButtonType> b = dialog.showAndWait();
        if (b.isPresent() && b.get() == ButtonType.OK) {
            return Optional.of(new Result(language.getValue(), !language.getValue().equals(before)));
        }
        return Optional.empty();
    }

    /** Validates and saves; false (with a message shown) when a value is wrong. */
    boolean apply() {
        String u = url.getText().trim();
        if (!u.isEmpty() && !(u.startsWith("https://") || u.startsWith("http://"))) {
            error.setText(messages.get("settings.badUrl"));
            return false;
        }
        if (fair.getValue() > good.getValue()) {
            error.setText(messages.get("settings.badThresholds"));
            return false;
        }
        try {
            settings.setLanguage(language.getValue());
            settings.setDhis2Url(u);
            settings.setRadiusKm(radius.getValue());
            settings.setThresholds(good.getValue() / 100.0, fair.getValue() / 100.0);
            if (!token.getText().isBlank()) {
                settings.storeToken(token.getText());
                token.clear();
            }
            settings.save();
        } catch (IOException | IllegalArgumentException e) {
            error.setText(messages.get("settings.saveFailed", String.valueOf(e.getMessage())));
            return false;
        }
        return true;
    }
}
