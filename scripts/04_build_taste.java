///usr/bin/env jbang "$0" "$@" ; exit $?
//DESCRIPTION Stage 04: named taste axes, user taste profiles and latent SVD factors from TRAIN (outputs/taste/, outputs/embeddings/).
//JAVA 17+
//DEPS dev.ntg:ntg:0.1.0-SNAPSHOT

class BuildTaste {
    public static void main(String[] args) {
        System.exit(dev.ntg.cli.NtgCli.run("build-taste", args));
    }
}
