# workerd configuration of the runtime matrix: one worker, the esbuild bundle of worker.mjs with the package.
using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [ (name = "matrix", worker = .matrixWorker) ],
);

const matrixWorker :Workerd.Worker = (
  modules = [ (name = "worker.js", esModule = embed "worker.bundle.js") ],
  compatibilityDate = "2026-11-01",
);
