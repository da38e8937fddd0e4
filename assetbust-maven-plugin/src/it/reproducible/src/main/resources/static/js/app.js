import { ready } from "./vendor/ready.js";

ready(() => document.body.classList.add("ready"));

//# sourceMappingURL=app.js.map
