/**
 * The application shell: the launcher, the first window (menus, opening a workspace with progress,
 * the workspace summary) and the plumbing every window feature shares (strings, background tasks).
 *
 * <p>Layering: {@code …View} classes build nodes and only bind to their {@code …ViewModel}; view models
 * call services and never import {@code javafx.scene}; blocking work runs through {@link
 * org.santeatlas.app.shell.TaskExecutor}, which tests replace with a synchronous one.
 */
package org.santeatlas.app.shell;
