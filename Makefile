# NTG — common tasks. Everything goes through ./ntg (JDK + Maven) or Maven itself.
.PHONY: run test bench notebooks report clean help

help:
	@echo "make run     - run the whole pipeline on the embedded synthetic data (configs/dev.yaml)"
	@echo "make test    - run unit and integration tests (what CI runs)"
	@echo "make bench   - benchmarks at 1M, 10M and 25M events -> outputs/reports/bench.json"
	@echo "make notebooks - run the pipeline and the tamper test, then re-execute notebooks/*.ipynb in place (Jupyter + JJava in .venv/)"
	@echo "make report  - run the pipeline (skipping up-to-date stages) and write reports/index.html + reports/figures/"
	@echo "make clean   - remove build output and generated data/outputs"

run:
	./ntg run-all

test:
	mvn -B -ntp verify

bench:
	./ntg bench

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
