# NTG — common tasks. Everything goes through ./ntg (JDK + Maven) or Maven itself.
.PHONY: run test bench clean help

help:
	@echo "make run     - run the whole pipeline on the embedded synthetic data (configs/dev.yaml)"
	@echo "make test    - run unit and integration tests (what CI runs)"
	@echo "make bench   - benchmarks at 1M and 10M events -> outputs/reports/bench.json"
	@echo "make clean   - remove build output and generated data/outputs"

run:
	./ntg run-all

test:
	mvn -B -ntp verify

bench:
	./ntg bench

clean:
	mvn -q -B clean
	rm -rf data/raw data/processed data/features data/external outputs/* reports/figures reports/index.html .ntg-staging
