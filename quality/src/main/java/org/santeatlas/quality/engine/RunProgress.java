package org.santeatlas.quality.engine;

/**
 * How far a quality run is, reported from the run's thread; no UI toolkit in it (the app throttles
 * and publishes it on its own thread).
 */
@FunctionalInterface
public interface RunProgress {

    RunProgress NONE = (stage, share) -> { };

    /**
     * @param stage the check running, or {@code series} during the shared pass over the values, or
     *              {@code store} while findings are saved
     * @param share of the whole run done, 0 to 1
     */
    void update(String stage, double share);
}
