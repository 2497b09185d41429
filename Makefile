# The two commands of the README: `make up` runs the whole system, `make test` runs every test.
SHELL := /bin/bash
.DEFAULT_GOAL := help

.PHONY: help up cluster test bench build clean-data

help: ## Lists the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

up: ## Runs silo, reference agents and (unless POSTGRES_HOST is set) a private PostgreSQL; Ctrl-C stops all
	@scripts/up.sh

cluster: ## Runs SILOS (default 3) silos as one cluster behind a proxy on ORCHESTRATOR_PORT, with PostgreSQL and agents; Ctrl-C stops all
	@SILOS=$(or $(SILOS),3) scripts/cluster.sh

test: ## Builds and runs every test against a private PostgreSQL the command starts itself
	@scripts/test.sh

bench: ## Benchmarks the silo against its baselines (MODE=full for a million agents); writes bench/results/latest.json and docs/benchmarks.md
	@BENCH_MODE=$(or $(MODE),$(BENCH_MODE),quick) scripts/bench.sh

build: ## Builds the solution (warnings are errors)
	@dotnet build Cockpit.slnx -c Release -nologo -clp:ErrorsOnly

clean-data: ## Deletes .data/ (the private database and workspaces of `make up`)
	@scripts/postgres.sh stop .data/postgres >/dev/null 2>&1 || true
	@rm -rf .data
