// Puts the built NTG lib on this JJava kernel's classpath: target/classes plus every entry of target/classpath.txt
// (the lib's runtime classpath, written by `mvn package`, which ./ntg runs on first use). The project is
// $NTG_PROJECT_DIR, else the nearest folder at or above the kernel's working directory (the notebook's folder)
// that holds the ntg launcher. Loaded by each notebook's first cell: %load ntg-classpath.jsh
java.nio.file.Path ntgProject = java.util.Optional.ofNullable(System.getenv("NTG_PROJECT_DIR")).filter(s -> !s.isBlank())
        .map(java.nio.file.Path::of).orElseGet(() -> {
            for (var d = java.nio.file.Path.of("").toAbsolutePath(); d != null; d = d.getParent())
                if (java.nio.file.Files.isRegularFile(d.resolve("ntg")) && java.nio.file.Files.isRegularFile(d.resolve("pom.xml"))) return d;
            throw new IllegalStateException("no NTG project at or above " + java.nio.file.Path.of("").toAbsolutePath()
                    + ": open the notebook from the project's notebooks/ folder or set NTG_PROJECT_DIR");
        }).toAbsolutePath().normalize();
java.nio.file.Path ntgClasspathFile = ntgProject.resolve("target/classpath.txt");
if (!java.nio.file.Files.isRegularFile(ntgClasspathFile) || !java.nio.file.Files.isDirectory(ntgProject.resolve("target/classes")))
    throw new IllegalStateException("the NTG lib is not built in " + ntgProject + ": run `./ntg run-all` (or `mvn -q -DskipTests package`) there first");
{
    var entries = new java.util.ArrayList<String>();
    entries.add(ntgProject.resolve("target/classes").toString());
    for (String e : java.nio.file.Files.readString(ntgClasspathFile).strip().split(java.io.File.pathSeparator))
        if (!e.isBlank()) entries.add(e);
    lineMagic("classpath", entries);
    System.setProperty("ntg.project.dir", ntgProject.toString());
}
