package dev.outpost.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Dependencies point inwards: core uses nothing of ours; no module but the app uses the app. */
class ArchitectureTest {
  private static final JavaClasses OUTPOST =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.outpost");

  @Test
  void coreDependsOnlyOnTheJdkAndLogging() {
    classes()
        .that()
        .resideInAPackage("dev.outpost.core..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("dev.outpost.core..", "java..", "javax.annotation..", "org.slf4j..")
        .check(OUTPOST);
  }

  @Test
  void onlyTheAppDependsOnTheApp() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.outpost.app..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.outpost.app..")
        .check(OUTPOST);
  }

  @Test
  void theWebLayerDoesNotReachIntoTheStoreOrTheMatcher() {
    noClasses()
        .that()
        .resideInAPackage("dev.outpost.web..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.outpost.store..", "dev.outpost.listen..")
        .check(OUTPOST);
  }

  @Test
  void storeAndListenAreIndependentOfEachOther() {
    noClasses()
        .that()
        .resideInAPackage("dev.outpost.store..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.outpost.listen..")
        .check(OUTPOST);
    noClasses()
        .that()
        .resideInAPackage("dev.outpost.listen..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.outpost.store..")
        .check(OUTPOST);
  }
}
