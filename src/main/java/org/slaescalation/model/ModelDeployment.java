package org.slaescalation.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the process models (BPMN, DMN, Camunda Forms) before the application takes requests.
 *
 * <p>All files go into one deployment named {@value #DEPLOYMENT_NAME} with their bare file names, so
 * forms bound with {@code formRefBinding="deployment"} always sit beside their BPMN. Duplicate
 * filtering makes a restart with unchanged files deploy nothing; a changed file deploys all of them
 * as new versions. Then every {@link ModelsDeployedListener} checks the deployed models (the OLA coverage
 * check), so that a table that cannot be kept stops start-up.
 */
@Component
class ModelDeployment implements SmartInitializingSingleton {

  static final String DEPLOYMENT_NAME = "sla-escalation";
  static final Set<String> SUFFIXES = Set.of(".bpmn", ".dmn", ".form");

  private static final Logger LOG = LoggerFactory.getLogger(ModelDeployment.class);

  private final RepositoryService repositoryService;
  private final ModelsProperties properties;
  private final List<ModelsDeployedListener> listeners;

  ModelDeployment(
      RepositoryService repositoryService, ModelsProperties properties, List<ModelsDeployedListener> listeners) {
    this.repositoryService = repositoryService;
    this.properties = properties;
    this.listeners = List.copyOf(listeners);
  }

  @Override
  public void afterSingletonsInstantiated() {
    DeploymentBuilder builder = repositoryService.createDeployment()
        .name(DEPLOYMENT_NAME)
        .source(properties.location() == null ? "classpath:processes/" : properties.location().toString())
        .enableDuplicateFiltering(false);
    List<String> names = properties.location() == null ? addClasspathModels(builder) : addDirectory(builder);
    Deployment deployment = builder.deploy();
    LOG.info("Process models {} from {} (deployment {})", names,
        properties.location() == null ? "the application" : properties.location().toAbsolutePath(), deployment.getId());
    listeners.forEach(ModelsDeployedListener::modelsDeployed);
  }

  private static List<String> addClasspathModels(DeploymentBuilder builder) {
    try {
      Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*");
      List<String> names = new ArrayList<>();
      for (Resource resource : resources) {
        String name = resource.getFilename();
        if (name != null && isModel(name)) {
          try (InputStream in = resource.getInputStream()) {
            builder.addString(name, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
          }
          names.add(name);
        }
      }
      return requireProcess(names, "classpath:processes/");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the process models in the application", e);
    }
  }

  private List<String> addDirectory(DeploymentBuilder builder) {
    Path directory = properties.location();
    if (!Files.isDirectory(directory)) {
      throw new IllegalStateException("escalation.models.location=" + directory.toAbsolutePath()
          + " is not a directory: point it at a folder with the .bpmn, .dmn and .form files, or unset it");
    }
    try (Stream<Path> files = Files.list(directory)) {
      List<String> names = new ArrayList<>();
      for (Path file : files.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).toList()) {
        String name = file.getFileName().toString();
        if (isModel(name)) {
          builder.addString(name, Files.readString(file));
          names.add(name);
        }
      }
      return requireProcess(names, "escalation.models.location=" + directory.toAbsolutePath());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read escalation.models.location=" + directory.toAbsolutePath(), e);
    }
  }

  private static boolean isModel(String name) {
    return SUFFIXES.stream().anyMatch(name::endsWith);
  }

  private static List<String> requireProcess(List<String> names, String where) {
    if (names.stream().noneMatch(n -> n.endsWith(".bpmn"))) {
      throw new IllegalStateException("No .bpmn file in " + where + ": the ticket process cannot be deployed");
    }
    return names.stream().sorted().toList();
  }
}
