# NTG — common tasks. Everything goes through ./ntg (JDK + Maven) or Maven itself.
.PHONY: run test bench bench-100m notebooks report clean help

help:
	@echo "make run     - run the whole pipeline on the embedded synthetic data (configs/dev.yaml)"
	@echo "make test    - run unit and integration tests (what CI runs)"
	@echo "make bench   - benchmarks at 1M, 10M and 25M events, scipy reference up to 10M -> outputs/reports/bench.json + figure"
	@echo "make bench-100m - the whole pipeline at 100M events (quiet machine, ~24 GB RAM) -> outputs/reports/bench_100m.json"
	@echo "make notebooks - run the pipeline and the tamper test, then re-execute notebooks/*.ipynb in place (Jupyter + JJava in .venv/)"
	@echo "make report  - run the pipeline (skipping up-to-date stages) and write reports/index.html + reports/figures/"
	@echo "make clean   - remove build output and generated data/outputs"

run:
	./ntg run-all

test:
	mvn -B -ntp verify

# setup-bench.sh puts numpy + scipy (tools/bench-requirements.txt) into .venv for the X^T X reference; never fatal.
bench:
	tools/setup-bench.sh
	./ntg bench

# 100M events (~640k users, ~240k items). Memory budget on a 24 GB machine: JVM heap 10 GB + DuckDB 10 GB
# (configs/bench-100m.yaml; it spills to project.duckdb_temp_dir past that) + native/JIT overhead. The scipy reference
# is left out at this size (X^T X would hold every distinct pair in memory). The heap (10g) comes from the config's project.jvm_heap; NTG_JAVA_OPTS overrides it.
bench-100m:
	./ntg bench --events 100000000 --config configs/bench-100m.yaml \
	  --output bench_100m.json --reference-max-events 0

report:
	./ntg run-all

# Outputs are committed, so no timing metadata: a rerun on the same artifacts changes nothing.
notebooks:
	tools/setup-notebooks.sh
	./ntg run-all
	./ntg check-leakage
	NTG_PROJECT_DIR="$(CURDIR)" JUPYTER_PATH="$(CURDIR)/.venv/share/jupyter" .venv/bin/jupyter nbconvert --to notebook --execute --inplace \
	  --ExecutePreprocessor.kernel_name=java --ExecutePreprocessor.timeout=600 --ExecutePreprocessor.record_timing=False notebooks/*.ipynb

clean:
	mvn -q -B clean
	rm -rf data/raw data/processed data/features data/external outputs/* reports/figures reports/schemas reports/index.html .ntg-staging .ntg-leakage-check
