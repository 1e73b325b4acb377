/**
 * What the explorer shows, without JavaFX: a run turned into immutable {@link
 * io.kubesim.gui.model.Frame}s by {@link io.kubesim.gui.model.FrameRecorder}, and what the views
 * derive from them (layout, charts, a pod's story). Built on the simulation's thread, read on the
 * JavaFX thread.
 */
package io.kubesim.gui.model;
