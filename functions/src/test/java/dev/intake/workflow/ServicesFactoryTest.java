package dev.intake.workflow;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServicesFactoryTest {

    @Test
    void aMissingFactoryClassSaysWhatToDeployOrSet() {
        assertThatThrownBy(() -> ServicesFactory.load(
                Map.of(ServicesFactory.CLASS_VARIABLE, "dev.intake.nowhere.Factory")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("No services factory class dev.intake.nowhere.Factory on the class"
                        + " path: deploy the functions jar that contains the AWS adapters, or set"
                        + " INTAKE_SERVICES_FACTORY to a class implementing"
                        + " dev.intake.workflow.ServicesFactory");
    }

    @Test
    void aClassThatIsNoFactoryIsRefused() {
        assertThatThrownBy(() -> ServicesFactory.load(
                Map.of(ServicesFactory.CLASS_VARIABLE, "java.lang.Object")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Services factory class java.lang.Object must implement"
                        + " dev.intake.workflow.ServicesFactory and have a public no-arg"
                        + " constructor");
    }
}
