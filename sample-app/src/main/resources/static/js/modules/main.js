/* assetbust sample: a module script. Its relative import resolves to /js/modules/greeting.js, which
   the import map in the page's head turns into the hashed copy. */
import { greet, loadedFrom } from "./greeting.js";

const status = document.getElementById("module-status");
if (status) {
  status.textContent = greet("greeting.js from " + new URL(loadedFrom).pathname);
  status.dataset.loadedFrom = new URL(loadedFrom).pathname;
}
