// Puppeteer's own browser download cannot reach its host from the city's build machines
// (only the npm registry and Debian are reachable); setup installs Debian's chromium instead.
/** @type {import("puppeteer").Configuration} */
module.exports = { skipDownload: true };
