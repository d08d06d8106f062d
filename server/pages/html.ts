// Moved to markup/html.ts (mail, the access package and the dev inbox build with it too).
// This re-export only keeps branches written before the move compiling; import markup/html
// and delete this file once they are merged.
export { Html, escapeHtml, html } from '../../markup/html';
