/* assetbust sample: an ES module imported by main.js through the page's import map. */
export const loadedFrom = import.meta.url;

export function greet(what) {
  return "ES module loaded " + what;
}
