# What `sam build` runs for each function (template.yaml: Metadata BuildMethod makefile): the Lambda module and the
# modules it needs, then its classes at the root of the artifact and its runtime jars in lib/, as Lambda's Java
# runtime loads them. Only what Lambda runs goes in: no CLI, demo, local AWS or test jars.
# https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/building-custom-runtimes.html
LAMBDA_MODULE := functions/lambda
MVN := mvn -B -q -ntp

FUNCTIONS := ChangeEventFunction ConfigRuleFunction ComplianceRemediationFunction SweepFunction

.PHONY: $(addprefix build-,$(FUNCTIONS)) lambda-package

$(addprefix build-,$(FUNCTIONS)): lambda-package
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp -R $(LAMBDA_MODULE)/target/classes/. "$(ARTIFACTS_DIR)/"
	cp $(LAMBDA_MODULE)/target/dependency/*.jar "$(ARTIFACTS_DIR)/lib/"

# Tests are compiled (the Lambda module's test-jar dependencies must resolve) but not run: CI runs them. The jar
# folder is emptied first: copy-dependencies only adds, and a jar left from an earlier build must not ship.
lambda-package:
	rm -rf $(LAMBDA_MODULE)/target/dependency
	$(MVN) -DskipTests -pl $(LAMBDA_MODULE) -am package dependency:copy-dependencies -DincludeScope=runtime
