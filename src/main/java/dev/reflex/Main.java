package dev.reflex;

public final class Main {
  public static void main(String[] args) {
  }
}
