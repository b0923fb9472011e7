# The two commands of the README: `make demo` and `make test`. Both install
# missing Debian packages, then build in Release under build/.
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
DEMO := examples/harbour-strike
NEWSROOM := examples/newsroom

.PHONY: all deps test-deps build demo test bench format clean

all: build

deps:
	@scripts/install-deps.sh build

test-deps:
	@scripts/install-deps.sh test

build: deps
	@cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(BUILD_DIR) -j $(JOBS)

demo: build
	$(BUILD_DIR)/parallax compare --html $(BUILD_DIR)/demo.html $(DEMO)
	@echo "HTML report: $(BUILD_DIR)/demo.html"
	@rm -f $(BUILD_DIR)/demo.db $(BUILD_DIR)/demo.db-wal $(BUILD_DIR)/demo.db-shm
	@$(BUILD_DIR)/parallax ingest --db $(BUILD_DIR)/demo.db $(NEWSROOM)/articles.jsonl
	@$(BUILD_DIR)/parallax cluster --db $(BUILD_DIR)/demo.db > /dev/null
	@$(BUILD_DIR)/parallax index --db $(BUILD_DIR)/demo.db
	@echo "Web app over build/demo.db ($(NEWSROOM)): run"
	@echo "  $(BUILD_DIR)/parallax serve --db $(BUILD_DIR)/demo.db --outlets $(NEWSROOM)/outlets.toml"
	@echo "and open http://127.0.0.1:8080/"

test: test-deps build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

bench: build
	bench/compare-speed

format:
	clang-format -i $$(git ls-files '*.cc' '*.h')

clean:
	rm -rf $(BUILD_DIR)
