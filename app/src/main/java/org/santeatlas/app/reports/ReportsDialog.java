package org.santeatlas.app.reports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.santeatlas.app.reports.ReportsViewModel.Outcome;
import org.santeatlas.app.reports.ReportsViewModel.Request;
import org.santeatlas.app.reports.ReportsViewModel.Type;
import org.santeatlas.app.shell.Messages;
import org.santeatlas.map.data.MapFeature;
import org.santeatlas.reports.pdf.Paper;

/**
 * The small dialog of Reports › …: district (the map's selection preselected; "every district" for the
 * atlas), period, language, paper and folder; Generate writes the PDF in the background with a progress
 * indicator, then shows its path with a button that opens the folder. Errors stay in the dialog, readable.
 */
public final class ReportsDialog {

    /** A district choice; {@code feature} null: every district (atlas only). */
    record DistrictChoice(MapFeature feature, String label) {}

    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final ComboBox<DistrictChoice> district = new ComboBox<>();
    private final ComboBox<String> period = new ComboBox<>();
    private final ComboBox<String> language = new ComboBox<>();
    private final ComboBox<Paper> paper = new ComboBox<>();
    private final TextField folder = new TextField();
    private final ProgressIndicator progress = new ProgressIndicator();
    private final Label result = new Label();
    private final Button openFolder;
    private final SimpleBooleanProperty running = new SimpleBooleanProperty(false);
    private Path written;

    /**
     * @param districts the districts of the map, by name
     * @param selected the district selected on the map, or null
     * @param periods the choices of period, latest first (years, then quarters, then months)
     */
    public ReportsDialog(Type type, ReportsViewModel viewModel, Messages messages, List<MapFeature> districts,
            MapFeature selected, List<String> periods, Window owner) {
        Objects.requireNonNull(viewModel);
        dialog.setTitle(messages.get("reports.type." + type.name()));
        dialog.setHeaderText(messages.get("reports.header." + type.name()));
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.getDialogPane().setId("reports-dialog");

        List<DistrictChoice> choices = new ArrayList<>();
        if (type == Type.ATLAS) {
            choices.add(new DistrictChoice(null, messages.get("reports.allDistricts")));
        }
        districts.stream().sorted(java.util.Comparator.comparing(MapFeature::name))
                .forEach(f -> choices.add(new DistrictChoice(f, f.name())));
        district.setId("reports-district");
        district.getItems().setAll(choices);
        district.setConverter(converter(DistrictChoice::label));
        district.setValue(choices.stream().filter(c -> selected != null && c.feature() != null
                && c.feature().uid().equals(selected.uid())).findFirst().orElse(choices.isEmpty() ? null : choices.get(0)));
        period.setId("reports-period");
        period.getItems().setAll(periods);
        period.setEditable(true);
        period.setPromptText(messages.get("reports.periodLatest"));
        language.setId("reports-language");
        language.getItems().setAll("fr", "en");
        language.setConverter(converter(s -> messages.get("language." + s)));
        language.setValue(messages.locale().getLanguage().equals("fr") ? "fr" : "en");
        paper.setId("reports-paper");
        paper.getItems().setAll(Paper.values());
        paper.setConverter(converter(p -> messages.get("reports.paper." + p.name())));
        paper.setValue(Paper.A4);
        folder.setId("reports-folder");
        folder.setText(ReportsViewModel.defaultFolder().toString());
        folder.setPrefColumnCount(28);
        Button browse = new Button(messages.get("reports.browse"));
        browse.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(messages.get("reports.folder"));
            java.io.File f = chooser.showDialog(dialog.getDialogPane().getScene().getWindow());
            if (f != null) {
                folder.setText(f.getPath());
            }
        });
        progress.setId("reports-progress");
        progress.setPrefSize(28, 28);
        progress.visibleProperty().bind(running);
        progress.managedProperty().bind(running);
        result.setId("reports-result");
        result.setWrapText(true);
        result.setMaxWidth(460);
        result.setPrefWidth(460);
        result.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        openFolder = new Button(messages.get("reports.openFolder"));
        openFolder.setId("reports-open-folder");
        openFolder.setVisible(false);
        openFolder.setOnAction(e -> openFolder());

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        int row = 0;
        grid.addRow(row++, new Label(messages.get("reports.district")), district);
        if (type != Type.ATLAS) {
            grid.addRow(row++, new Label(messages.get("reports.period")), period);
        }
        grid.addRow(row++, new Label(messages.get("reports.language")), language);
        grid.addRow(row++, new Label(messages.get("reports.paper")), paper);
        grid.addRow(row, new Label(messages.get("reports.folder")), new HBox(6, folder, browse));
        HBox status = new HBox(10, progress, result);
        dialog.getDialogPane().setContent(new VBox(12, grid, status, openFolder));

        ButtonType generate = new ButtonType(messages.get("reports.generate"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(generate, ButtonType.CLOSE);
        Button generateButton = (Button) dialog.getDialogPane().lookupButton(generate);
        generateButton.setId("reports-generate");
        generateButton.disableProperty().bind(running.or(district.valueProperty().isNull()));
        // Generate keeps the dialog open: the result (path or reason) is shown in it.
        generateButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            DistrictChoice d = district.getValue();
            String p = period.getEditor() != null && period.isEditable() ? period.getEditor().getText() : period.getValue();
            p = p == null || p.isBlank() ? null : p.strip();
            Request r = new Request(type, d.feature() == null ? null : d.feature().uid(),
                    d.feature() == null ? null : d.feature().name(), type == Type.ATLAS ? null : p,
                    Locale.forLanguageTag(language.getValue()), paper.getValue(), Path.of(folder.getText().strip()));
            running.set(true);
            openFolder.setVisible(false);
            result.setText(messages.get("reports.running", messages.get("reports.type." + type.name())));
            viewModel.generate(r, this::finished);
        });
    }

    private void finished(Outcome o) {
        running.set(false);
        result.setText(o.message());
        result.getStyleClass().removeAll("error-message");
        if (!o.ok()) {
            result.getStyleClass().add("error-message");
        }
        written = o.file();
        openFolder.setVisible(o.ok());
        // A long reason wraps over several lines: the window grows so that the buttons stay on screen.
        javafx.stage.Window w = dialog.getDialogPane().getScene() == null ? null
                : dialog.getDialogPane().getScene().getWindow();
        if (w != null) {
            w.sizeToScene();
        }
    }

    /** Opens the report's folder with the desktop's file manager, off the UI thread (it may block). */
    private void openFolder() {
        Path f = written;
        if (f == null) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                if (java.awt.Desktop.isDesktopSupported()
                        && java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.OPEN)) {
                    java.awt.Desktop.getDesktop().open(f.getParent().toFile());
                }
            } catch (Exception e) {
                System.getLogger(ReportsDialog.class.getName()).log(System.Logger.Level.INFO, "open folder", e);
            }
        }, "open-report-folder");
        t.setDaemon(true);
        t.start();
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : text.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    /** Shows the dialog without waiting (the report is written while it stays open). */
    public void show() {
        dialog.show();
    }

    public Dialog<ButtonType> dialog() {
        return dialog;
    }
}
