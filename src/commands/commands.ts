/// <reference types="office-js" />
// The ribbon's function file. The Outturn button opens the task pane (ShowTaskpane needs no code);
// this page exists because the manifest names a FunctionFile, and it registers no actions yet.
Office.onReady(() => {
  // Nothing to set up: every action lives in the task pane.
});
