package dev.pastefix.app;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** How option values of the command line are read, with a message saying what is accepted. */
final class CommandLineTypes {
  private CommandLineTypes() {}

  /** A directory or file name that is not blank. */
  static final class DirectoryName implements ITypeConverter<Path> {
    @Override
    public Path convert(String value) {
      if (value.isBlank()) {
        throw new TypeConversionException("needs a directory name");
      }
      try {
        return Path.of(value.strip());
      } catch (InvalidPathException e) {
        throw new TypeConversionException("not a path: " + e.getMessage());
      }
    }
  }

  /** A period back from now: {@link LookBack#parse}. */
  static final class LookBackConverter implements ITypeConverter<LookBack> {
    @Override
    public LookBack convert(String value) {
      try {
        return LookBack.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
