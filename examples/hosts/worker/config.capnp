# workerd configuration of the example worker. Build, then serve on 127.0.0.1:8787:
#
#   npx esbuild examples/hosts/worker/src/index.ts --bundle --format=esm --platform=neutral \
#     --conditions=workerd,worker,browser --main-fields=browser,module,main --outfile=examples/hosts/worker/dist/worker.js
#   npx workerd serve examples/hosts/worker/config.capnp
#
# test/runtime/worker-host.test.ts writes its own copy of this file with a free port and its receiver's URL.
using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "main", worker = .tripline),
    # fetch() may reach loopback addresses (the webhook receiver); WEBHOOK_HOSTS narrows it further.
    (name = "internet", network = (allow = ["local", "private", "public"])),
  ],
  sockets = [ (name = "http", address = "127.0.0.1:8787", http = (), service = "main") ],
);

const tripline :Workerd.Worker = (
  modules = [ (name = "worker.js", esModule = embed "dist/worker.js") ],
  compatibilityDate = "2026-11-01",
  bindings = [
    (name = "BINDINGS", text = embed "bindings.json"),
    (name = "WEBHOOK_HOSTS", text = "127.0.0.1,localhost"),
  ],
);
