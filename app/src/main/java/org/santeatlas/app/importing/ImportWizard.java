package org.santeatlas.app.importing;

import java.io.File;
import java.text.NumberFormat;
import java.util.List;
import java.util.Objects;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.santeatlas.app.importing.ImportViewModel.FileEntry;
import org.santeatlas.app.importing.ImportViewModel.Outcome;
import org.santeatlas.app.importing.ImportViewModel.Step;
import org.santeatlas.app.shell.Messages;

/**
 * The import wizard window: choose or drop files (each with its detected format), watch the records
 * counted with a working Cancel, then read the created / updated / rejected counts and the problems as
 * {@code file:line: message}, which can be copied. (The registry column-mapping preview is not here yet.)
 */
public final class ImportWizard {

    private final ImportViewModel viewModel;
    private final Messages messages;
    private final BorderPane root = new BorderPane();
    private Stage stage;

    public ImportWizard(ImportViewModel viewModel, Messages messages) {
        this.viewModel = Objects.requireNonNull(viewModel);
        this.messages = Objects.requireNonNull(messages);
        root.setId("import-wizard");
        root.getStyleClass().add("dialog-root");
        root.setPadding(new Insets(16));
        StackPane pages = new StackPane(showOn(choosePage(), Step.CHOOSE), showOn(runningPage(), Step.RUNNING),
                showOn(resultPage(), Step.DONE));
        Label title = new Label(messages.get("import.title"));
        title.getStyleClass().add("dialog-title");
        BorderPane.setMargin(title, new Insets(0, 0, 12, 0));
        root.setTop(title);
        root.setCenter(pages);
        root.setOnDragOver(this::dragOver);
        root.setOnDragDropped(this::dropped);
    }

    public Region root() {
        return root;
    }

    /** Opens the wizard as a window of {@code owner}. */
    public Stage show(Window owner) {
        stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(messages.get("import.title"));
        Scene scene = new Scene(root, 720, 480);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> viewModel.cancel());
        stage.show();
        return stage;
    }

    private Region showOn(Region page, Step step) {
        page.visibleProperty().bind(viewModel.stepProperty().isEqualTo(step));
        return page;
    }

    private void dragOver(DragEvent e) {
        if (e.getDragboard().hasFiles() && viewModel.stepProperty().get() == Step.CHOOSE) {
            e.acceptTransferModes(TransferMode.COPY);
        }
        e.consume();
    }

    private void dropped(DragEvent e) {
        boolean ok = e.getDragboard().hasFiles();
        if (ok) {
            viewModel.addFiles(e.getDragboard().getFiles().stream().map(File::toPath).toList());
        }
        e.setDropCompleted(ok);
        e.consume();
    }

    private Region choosePage() {
        Label hint = new Label(messages.get("import.hint"));
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        hint.setMaxWidth(680);
        ListView<FileEntry> list = new ListView<>(viewModel.files());
        list.setId("import-files");
        list.setPlaceholder(new Label(messages.get("import.dropHere")));
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(FileEntry e, boolean empty) {
                super.updateItem(e, empty);
                if (empty || e == null) {
                    setText(null);
                    getStyleClass().remove("unknown-format");
                } else {
                    setText(e.file().getFileName() + "  —  " + viewModel.formatLabel(e));
                    if (e.detected() && e.format() == null) {
                        getStyleClass().add("unknown-format");
                    } else {
                        getStyleClass().remove("unknown-format");
                    }
                }
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        Button add = new Button(messages.get("import.add"));
        add.setId("import-add");
        add.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(messages.get("import.add"));
            List<File> chosen = chooser.showOpenMultipleDialog(root.getScene().getWindow());
            if (chosen != null) {
                viewModel.addFiles(chosen.stream().map(File::toPath).toList());
            }
        });
        Button remove = new Button(messages.get("import.remove"));
        remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> viewModel.remove(list.getSelectionModel().getSelectedItem()));
        Button start = new Button(messages.get("import.start"));
        start.setId("import-start");
        start.setDefaultButton(true);
        start.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(viewModel.files()));
        start.setOnAction(e -> viewModel.start());
        Button close = new Button(messages.get("action.close"));
        close.setCancelButton(true);
        close.setOnAction(e -> close());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, add, remove, spacer, close, start);
        return new VBox(10, hint, list, buttons);
    }

    private Region runningPage() {
        Label heading = new Label(messages.get("import.running"));
        heading.getStyleClass().add("heading");
        Label file = new Label();
        file.setId("import-current");
        file.textProperty().bind(viewModel.currentProperty());
        ProgressBar bar = new ProgressBar(-1);
        bar.setPrefWidth(400);
        Label records = new Label();
        records.setId("import-records");
        NumberFormat nf = NumberFormat.getIntegerInstance(messages.locale());
        viewModel.recordsProperty().addListener((o, a, n) ->
                records.setText(messages.get("import.records", nf.format(n.longValue()))));
        Button cancel = new Button(messages.get("action.cancel"));
        cancel.setId("import-cancel");
        cancel.setOnAction(e -> viewModel.cancel());
        VBox box = new VBox(14, heading, file, bar, records, cancel);
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private Region resultPage() {
        Label heading = new Label();
        heading.setId("import-result-heading");
        heading.getStyleClass().add("heading");
        GridPane counts = new GridPane();
        counts.setHgap(14);
        counts.setVgap(4);
        Label created = new Label();
        created.setId("import-created");
        Label updated = new Label();
        updated.setId("import-updated");
        Label rejected = new Label();
        rejected.setId("import-rejected");
        counts.addRow(0, new Label(messages.get("import.created")), created);
        counts.addRow(1, new Label(messages.get("import.updated")), updated);
        counts.addRow(2, new Label(messages.get("import.rejected")), rejected);
        Label problemsLabel = new Label(messages.get("import.problems"));
        TextArea problems = new TextArea();
        problems.setId("import-problems");
        problems.setEditable(false);
        problems.setWrapText(false);
        problems.getStyleClass().add("problems");
        VBox.setVgrow(problems, Priority.ALWAYS);
        Button copy = new Button(messages.get("import.copy"));
        copy.setId("import-copy");
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(problems.getText());
            Clipboard.getSystemClipboard().setContent(c);
        });
        Button more = new Button(messages.get("import.more"));
        more.setOnAction(e -> viewModel.reset());
        Button close = new Button(messages.get("action.close"));
        close.setId("import-close");
        close.setDefaultButton(true);
        close.setOnAction(e -> close());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, copy, spacer, more, close);
        NumberFormat nf = NumberFormat.getIntegerInstance(messages.locale());
        viewModel.outcomeProperty().addListener((o, a, r) -> {
            if (r == null) {
                return;
            }
            heading.setText(headingOf(r));
            created.setText(nf.format(r.created()));
            updated.setText(nf.format(r.updated()));
            rejected.setText(nf.format(r.rejected()));
            problems.setText(r.problems().isEmpty() ? messages.get("import.noProblems") : String.join("\n", r.problems()));
        });
        return new VBox(10, heading, counts, problemsLabel, problems, buttons);
    }

    private String headingOf(Outcome r) {
        if (r.cancelled()) {
            return messages.get("import.cancelled");
        }
        return r.failedFiles() > 0 ? messages.get("import.someFailed", r.failedFiles()) : messages.get("import.succeeded");
    }

    private void close() {
        viewModel.cancel();
        if (stage != null) {
            stage.close();
        }
    }
}
