package dev.reflex.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineTest {

  @Test
  void secondsAreGatheredIntoEqualBucketsOfMeans() {
    Timeline timeline = new Timeline(10, 4);
    assertEquals(3, timeline.bucketSeconds());
    for (int s = 0; s < 10; s++) {
      timeline.second(s, s < 3 ? 300 : 100, 200, s < 3 ? 2 : 4);
    }
    assertEquals(List.of(new Timeline.Point(0, 300, 200, 2, 100), new Timeline.Point(3, 100, 200, 4, 0),
        new Timeline.Point(6, 100, 200, 4, 0), new Timeline.Point(9, 100, 200, 4, 0)), timeline.points());
  }
}
