package org.santeatlas.app.shell;

import java.util.Objects;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.santeatlas.app.shell.WorkspaceSummaryViewModel.State;

/**
 * The main window: menus, and in the middle whichever of the progress, summary, error or cancelled
 * panes matches the view model's state. Builds nodes and binds; all decisions are the view models'.
 */
public final class ShellView {

    /** Window size in screen px: fits a 1280×800 laptop screen with the taskbar. */
    static final double WIDTH = 1100;
    static final double HEIGHT = 720;

    private final ShellViewModel viewModel;
    private final Messages messages;
    private final Runnable quit;
    private final BorderPane root = new BorderPane();

    /** {@code quit} ends the application ({@code Platform::exit}; tests pass their own). */
    public ShellView(ShellViewModel viewModel, Messages messages, Runnable quit) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.quit = Objects.requireNonNull(quit, "quit");
        build();
    }

    public Parent root() {
        return root;
    }

    /** Puts the window's scene on {@code stage}, binds its title and shows it. */
    public void show(Stage stage) {
        Scene scene = new Scene(root, WIDTH, HEIGHT);
        scene.getStylesheets().add(ShellView.class.getResource("shell.css").toExternalForm());
        stage.setScene(scene);
        stage.titleProperty().bind(viewModel.titleProperty());
        stage.setMinWidth(640);
        stage.setMinHeight(480);
        stage.show();
    }

    private void build() {
        root.getStyleClass().add("shell");
        root.setTop(menuBar());
        WorkspaceSummaryViewModel summary = viewModel.summary();
        StackPane content = new StackPane(
                showWhen(progressPane(summary), summary, State.LOADING),
                showWhen(new WorkspaceSummaryView(summary, messages).root(), summary, State.LOADED),
                showWhen(errorPane(summary), summary, State.FAILED),
                showWhen(cancelledPane(summary), summary, State.CANCELLED));
        content.getStyleClass().add("content");
        root.setCenter(content);
    }

    private MenuBar menuBar() {
        MenuItem quitItem = new MenuItem(messages.get("menu.file.quit"));
        quitItem.setId("menu-quit");
        quitItem.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        quitItem.setOnAction(e -> quit.run());
        Menu file = new Menu(messages.get("menu.file"), null, quitItem);
        file.setId("menu-file");

        MenuItem aboutItem = new MenuItem(messages.get("menu.help.about"));
        aboutItem.setId("menu-about");
        aboutItem.setOnAction(e -> showAbout());
        Menu help = new Menu(messages.get("menu.help"), null, aboutItem);
        help.setId("menu-help");

        MenuBar bar = new MenuBar(file, help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private void showAbout() {
        Alert about = new Alert(Alert.AlertType.INFORMATION);
        about.initOwner(root.getScene().getWindow());
        about.setTitle(viewModel.aboutTitle());
        about.setHeaderText(viewModel.aboutHeader());
        about.setContentText(viewModel.aboutText());
        about.getDialogPane().setId("about-dialog");
        about.show();
    }

    private Region progressPane(WorkspaceSummaryViewModel summary) {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(72, 72);
        Label status = new Label();
        status.setId("progress-status");
        status.getStyleClass().add("status");
        status.textProperty().bind(summary.statusProperty());
        Button cancel = new Button(messages.get("action.cancel"));
        cancel.setId("cancel");
        cancel.setCancelButton(true);
        cancel.disableProperty().bind(summary.loadingProperty().not());
        cancel.setOnAction(e -> summary.cancel());
        VBox pane = new VBox(18, spinner, status, cancel);
        pane.setAlignment(Pos.CENTER);
        pane.setId("progress-pane");
        return pane;
    }

    private Region errorPane(WorkspaceSummaryViewModel summary) {
        Label heading = new Label(messages.get("error.heading"));
        heading.getStyleClass().add("heading");
        Label message = new Label();
        message.setId("error-message");
        message.getStyleClass().add("error-message");
        message.setWrapText(true);
        message.textProperty().bind(summary.errorProperty());
        VBox pane = new VBox(14, heading, message, actions(summary));
        pane.setId("error-pane");
        pane.getStyleClass().add("notice");
        return centered(pane);
    }

    private Region cancelledPane(WorkspaceSummaryViewModel summary) {
        Label heading = new Label(messages.get("progress.cancelled"));
        heading.getStyleClass().add("heading");
        Label hint = new Label(messages.get("cancelled.hint"));
        hint.setWrapText(true);
        VBox pane = new VBox(14, heading, hint, actions(summary));
        pane.setId("cancelled-pane");
        pane.getStyleClass().add("notice");
        return centered(pane);
    }

    private HBox actions(WorkspaceSummaryViewModel summary) {
        Button retry = new Button(messages.get("action.retry"));
        retry.setDefaultButton(true);
        retry.setOnAction(e -> summary.retry());
        Button quitButton = new Button(messages.get("menu.file.quit"));
        quitButton.setOnAction(e -> quit.run());
        HBox actions = new HBox(10, retry, quitButton);
        actions.setAlignment(Pos.CENTER_LEFT);
        return actions;
    }

    /** A notice box of readable width, centred in the window. */
    private static Region centered(VBox box) {
        box.setMaxWidth(620);
        box.setMaxHeight(Region.USE_PREF_SIZE);
        StackPane holder = new StackPane(box);
        StackPane.setAlignment(box, Pos.CENTER);
        return holder;
    }

    private static Region showWhen(Region pane, WorkspaceSummaryViewModel summary, State state) {
        pane.visibleProperty().bind(summary.stateProperty().isEqualTo(state));
        pane.managedProperty().bind(pane.visibleProperty());
        return pane;
    }
}
