// Builder mode from the dashboard: pick an element on the vendor's page, preview a flow there.
export { openPicker, previewOnPage, BuilderError, type Picked, type PreviewSession } from './open-page';
export { PickOnPageButton } from './pick-on-page';
export { PreviewOnPage } from './preview-on-page';
