/// Test support shared by the core's, the lab's and the app's `JavadocExamplesCompileTest`: find the
/// ```` ```java ```` examples in the Javadoc of a module's exported packages ([JavadocExamples]) and compile them all
/// in one javac call ([ExampleCompiler]).
///
/// A module of its own so that there is one copy: a module's tests cannot see another module's test classes. Its
/// classes are in `src/main` only so that other modules can depend on them; they depend on it with test scope, so it
/// is in no shipped jar and not in the runtime image. It has no `module-info`: the tests run patched into the named
/// module under test, and read this jar from the class path (surefire adds `--add-reads <module>=ALL-UNNAMED`). Its
/// package, `dev.asynclab.docexamples`, is in no other module, so no package is split.
package dev.asynclab.docexamples;
