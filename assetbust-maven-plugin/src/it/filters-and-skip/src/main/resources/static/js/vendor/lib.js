console.log("vendor: not ours to hash");
